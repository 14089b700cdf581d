/**
 * Build-time compiler: glossary entries -> CompiledMatcher (packed token trie + acronym table):
 * every term and alias with its variants and derived forms, acronyms case-sensitive, gated forms
 * marked, and the AI-topic keywords the gate counts. Cost: build time and tests only.
 * Must never: let two entries own one key silently (the loader rejects it; here the first wins).
 */
import type { Entry } from '../glossary/schema';
import { KEYWORD, terminalOf, type CompiledMatcher, type TrieNode } from './compiled';
import { isCaseSensitiveForm } from './normalize';
import { formVariants } from './variants';
import { derivedForms } from './derived-forms';
import { readingOf } from './char-rules';
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

type EntryForMatching = Pick<Entry, 'id' | 'term' | 'aliases' | 'gatedAliases' | 'ambiguity'> & Partial<Pick<Entry, 'domain'>>;

/** A form with brackets in one word, such as p(doom): matched through its own table. */
const BRACKETED = /^[\p{L}\p{N}'-]+\([\p{L}\p{N}'-]+\)$/u;

/**
 * A form's trie keys: its words, lower case. A comma after a word ("Claims, Arguments, Evidence")
 * moves to the front of the next key, so such a form is found only with its commas. Null for a
 * variant no page text can spell as words ("claims,-arguments").
 */
export function phraseTokens(form: string): string[] | null {
  const tokens: string[] = [];
  let comma = false;
  for (const word of form.toLowerCase().split(' ')) {
    const ends = word.endsWith(',');
    const t = ends ? word.slice(0, -1) : word;
    if (t === '' || t.includes(',')) return null;
    tokens.push(comma ? `,${t}` : t);
    comma = ends;
  }
  return comma ? null : tokens;
}

export function compileMatcher(entries: readonly EntryForMatching[]): CompiledMatcher {
  const trie: TrieNode = {};
  const cs: Record<string, number> = {};

  const insertPhrase = (form: string, terminal: number) => {
    const tokens = phraseTokens(form);
    if (!tokens) return;
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

  const br: Record<string, number> = {};
  const insert = (form: string, terminal: number) => {
    if (BRACKETED.test(form)) {
      const key = readingOf(form).toLowerCase();
      if (!Object.hasOwn(br, key)) br[key] = terminal;
      return;
    }
    for (const v of formVariants(form)) {
      if (isCaseSensitiveForm(v)) {
        if (!Object.hasOwn(cs, v)) cs[v] = terminal;
      } else insertPhrase(v, terminal);
    }
  };

  const formsOf = (entry: EntryForMatching, index: number): [string, number][] => {
    // Another field's concept is shown only where the page is about AI, for its card speaks of
    // AI, and it is no evidence that a page is (kin selection on a biology page).
    const gatedAll = entry.ambiguity === 'high' || (entry.domain ?? 'ai') !== 'ai';
    return [
      [entry.term, terminalOf(index, gatedAll)],
      ...entry.aliases.map((a): [string, number] => [a, terminalOf(index, gatedAll)]),
      ...entry.gatedAliases.map((a): [string, number] => [a, terminalOf(index, true)]),
    ];
  };
  entries.forEach((entry, index) => {
    for (const [form, terminal] of formsOf(entry, index)) insert(form, terminal);
  });
  // Derived forms come second, so a form of an entry's own always keeps its owner, and are
  // gated: "seeks power" is plain English on a page that is not about AI.
  entries.forEach((entry, index) => {
    for (const [form] of formsOf(entry, index)) for (const d of derivedForms(form)) insert(d, terminalOf(index, true));
  });

  for (const k of AI_KEYWORDS_CASED) if (!Object.hasOwn(cs, k)) cs[k] = KEYWORD;
  for (const k of AI_KEYWORDS) for (const v of formVariants(k)) insertPhrase(v, KEYWORD);

  // Every token that can start a match: trie roots, plus acronyms (hashed folded, so "RLHF"
  // and "rlhf" share a bit; the exact-case check happens after the filter).
  const packed = toBase64(packTrie(trie, Object.keys(cs)));
  return { ids: entries.map((e) => e.id), terms: entries.map((e) => e.term), trie: packed, cs, ...(Object.keys(br).length ? { br } : {}) };
}
