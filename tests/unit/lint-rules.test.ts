/**
 * The lint rules guard what they claim to: the markup and code sinks are errors in every folder
 * that ships, and the list of shipped folders misses none.
 */
import { readdirSync, statSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { SHIPPED } from '../../eslint.config.js';

/** Top-level folders that hold no extension code (assets/: the icon's SVG sources). */
const NOT_SHIPPED = new Set([
  'tests',
  'bench',
  'harness',
  'scripts',
  'samples',
  'docs',
  'public',
  'assets',
  'node_modules',
  'artifacts',
  '.output',
  '.wxt',
  '.git',
  '.ci',
]);

const eslint = new ESLint();
const errorsIn = async (file: string, code: string) => (await eslint.lintText(code, { filePath: file }))[0]!.messages.map((m) => m.ruleId);
/** A module that imports with `line` and uses the imported value (an unused one would be elided). */
const usingImport = (line: string) => `${line}\nexport const x = [${line.match(/\{ (\w+) \}/)![1]}];\n`;

describe('lint rules', () => {
  it('every top-level folder with source code is either shipped or known not to be', () => {
    const folders = readdirSync('.').filter((d) => statSync(d).isDirectory() && !NOT_SHIPPED.has(d));
    expect(folders.sort()).toEqual([...SHIPPED].sort());
  });

  it.each(SHIPPED)('innerHTML and eval are errors in %s/', async (dir) => {
    const code = 'export function f(el: HTMLElement, s: string): void {\n  el.innerHTML = s;\n  eval(s);\n}\n';
    expect(await errorsIn(`${dir}/example.ts`, code)).toEqual(expect.arrayContaining(['no-restricted-syntax', 'no-eval']));
  });

  it.each([
    ['page/light/example.ts', "import { PageScanner } from '../full/page-scanner';"],
    ['page/shared/example.ts', "import { GlossaryTooltip } from '../tooltip/glossary-tooltip';"],
    ['entrypoints/glossary-content.ts', "import { GlossaryPage } from '@/page/full/glossary-page';"],
  ])('the every-page bundle may not import a value from a later bundle: %s', async (file, line) => {
    expect(await errorsIn(file, usingImport(line))).toContain('@typescript-eslint/no-restricted-imports');
  });

  it.each([
    ['entrypoints/popup-script.ts', "import { siteKeyFor } from '@/settings/site-key';"],
    ['popup/example.ts', "import { getDomain } from 'tldts';"],
    ['page/light/example.ts', "import { siteKeyFor } from '../../settings/site-key';"],
  ])('the popup and the pages may not bundle the suffix list: %s', async (file, line) => {
    expect(await errorsIn(file, usingImport(line))).toContain('@typescript-eslint/no-restricted-imports');
    // The background may.
    expect(await errorsIn('background/example.ts', usingImport(line))).not.toContain('@typescript-eslint/no-restricted-imports');
  });

  it('a type from a later bundle, and a value within the bundle, are allowed', async () => {
    const ok =
      "import type { PageScanner } from '../full/page-scanner';\nimport { readSnapshot } from '../shared/text-snapshot';\nexport type T = PageScanner;\nexport const f = readSnapshot;\n";
    expect(await errorsIn('page/light/example.ts', ok)).not.toContain('@typescript-eslint/no-restricted-imports');
    // The later bundles may use the shared code.
    expect(
      await errorsIn('page/full/example.ts', "import { readSnapshot } from '../shared/text-snapshot';\nexport const f = readSnapshot;\n"),
    ).toEqual([]);
  });
});
