/**
 * Build-time compiler: glossary entries -> CompiledMatcher (a packed token trie plus an acronym
 * table).
 *
 * What it does: expands every term and alias into its variants, lower-cases phrases, keeps
 * acronyms case-sensitive, marks gated forms (ambiguous words matched only on AI pages), and adds
 * the AI-topic keywords the topic gate counts.
 * Cost: build time and tests only (a few ms for the whole glossary).
 * Must never: let two entries own one key silently; the loader rejects such glossaries, and
 * here the first owner wins so a bad build still behaves deterministically.
 */
import type { Entry } from '../glossary/schema';
import { KEYWORD, type CompiledMatcher, type TrieNode } from './compiled';
import { isCaseSensitiveForm } from './normalize';
import { formVariants } from './variants';
import { toBase64 } from './token-hash';
import { packTrie } from './packed-trie';

/** Words that mark a page as being about AI (they are never highlighted themselves). */
export const AI_KEYWORDS_CASED = ['AI', 'AIs', 'ML', 'LLM', 'LLMs', 'GPT', 'RL', 'NLP'];
export const AI_KEYWORDS = [
  'artificial intelligence',
  'machine learning',
  'deep learning',
  'neural network',
  'neural net',
  'language model',
  'large language model',
  'reinforcement learning',
  'chatbot',
  'transformer model',
  'gradient descent',
  'training data',
  'superhuman',
];

type EntryForMatching = Pick<Entry, 'id' | 'term' | 'aliases' | 'gatedAliases' | 'ambiguity'>;

export function compileMatcher(entries: readonly EntryForMatching[]): CompiledMatcher {
  const trie: TrieNode = {};
  const cs: Record<string, number> = {};

  const insertPhrase = (form: string, terminal: number) => {
    const tokens = form.toLowerCase().split(' ');
    let node = trie;
    for (const t of tokens) {
      let next = Object.hasOwn(node, t) ? node[t] : undefined;
      if (typeof next !== 'object') {
        next = {};
        node[t] = next;
      }
      node = next;
    }
    if (!Object.hasOwn(node, '')) node[''] = terminal;
  };

  entries.forEach((entry, index) => {
    const gatedAll = entry.ambiguity === 'high';
    const forms: [string, boolean][] = [
      [entry.term, gatedAll],
      ...entry.aliases.map((a): [string, boolean] => [a, gatedAll]),
      ...entry.gatedAliases.map((a): [string, boolean] => [a, true]),
    ];
    for (const [form, gated] of forms) {
      const terminal = index * 2 + (gated ? 1 : 0);
      for (const v of formVariants(form)) {
        if (isCaseSensitiveForm(v)) {
          if (!Object.hasOwn(cs, v)) cs[v] = terminal;
        } else insertPhrase(v, terminal);
      }
    }
  });

  for (const k of AI_KEYWORDS_CASED) if (!Object.hasOwn(cs, k)) cs[k] = KEYWORD;
  for (const k of AI_KEYWORDS) for (const v of formVariants(k)) insertPhrase(v, KEYWORD);

  // Every token that can start a match: trie roots, plus acronyms (hashed folded, so "RLHF"
  // and "rlhf" share a bit; the exact-case check happens after the filter).
  const packed = toBase64(packTrie(trie, Object.keys(cs)));
  return { ids: entries.map((e) => e.id), terms: entries.map((e) => e.term), trie: packed, cs };
}
