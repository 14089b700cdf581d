/**
 * Vite plugin: `glossary/entries/*.yaml` -> `virtual:glossary/matcher` (packed trie, base64) and
 * `virtual:glossary/entries` (display data, parsed on first call), tables as `JSON.parse('…')`
 * (faster to load than a literal); a bad entry fails the build naming file, entry and field.
 * Cost: build time; a page pays one JSON.parse per module. Must never: run in the extension (fs).
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileMatcher } from '../matching/compile';
import { toDisplayEntries } from './display';
import { glossaryDir, loadGlossary } from './load';

const MATCHER = 'virtual:glossary/matcher';
const ENTRIES = 'virtual:glossary/entries';
const IDS = [MATCHER, ENTRIES];

export function glossaryPlugin(root = process.cwd()): Plugin {
  // GLOSSARY_DIR lets tests and contributors build against another folder of entries.
  const dir = glossaryDir(root);
  return {
    name: 'alignment-glossary',
    resolveId(id) {
      if (IDS.includes(id)) return '\0' + id;
      return null;
    },
    load(id) {
      if (!IDS.some((v) => id === '\0' + v)) return null;
      const { entries, files } = loadGlossary(dir, root);
      for (const f of files) this.addWatchFile(resolve(root, f));
      if (id === '\0' + MATCHER) {
        const { trie, ...rest } = compileMatcher(entries);
        // The packed trie is base64: a plain string literal, decoded natively on first use.
        return `export default { ...JSON.parse(${JSON.stringify(JSON.stringify(rest))}), trie: ${JSON.stringify(trie)} };`;
      }
      // Entries are parsed on first use (first hover, popup open), not when a page loads.
      const raw = JSON.stringify(JSON.stringify(toDisplayEntries(entries)));
      return `let cache;\nexport function loadEntries() { return (cache ??= JSON.parse(${raw})); }`;
    },
  };
}
