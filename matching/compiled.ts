/**
 * The compiled matcher's data shape, shared by the build-time compiler and the runtime scanner.
 *
 * The token trie is packed into flat typed arrays (see packed-trie.ts) and shipped as base64, so
 * the page pays one native decode instead of parsing or building objects. Terminal values are
 * `entryIndex * 2 + gated` for glossary forms and KEYWORD for AI-topic keywords. A gated form is
 * shown only on pages about AI and is no evidence that a page is: an everyday word ("debate"), a
 * derived form ("seeks power"), or any form of another field's concept (Goodhart's law).
 * Single-token case-sensitive forms (acronyms) live in `cs`, keyed by their exact spelling, and
 * the few forms with brackets ("p(doom)") in `br`, keyed by their lower-cased reading.
 */

/** Build-time trie: keys are lower-cased tokens; the empty key "" holds a terminal. */
export interface TrieNode {
  [token: string]: TrieNode | number | undefined;
}

export const KEYWORD = -1;

export interface CompiledMatcher {
  /** Entry ids, by entry index. */
  ids: string[];
  /** Display terms, by entry index. */
  terms: string[];
  /** The packed trie and its word and pair filters, base64 (see packed-trie.ts). */
  trie: string;
  cs: Record<string, number>;
  br?: Record<string, number>;
}

export const terminalEntry = (t: number) => t >> 1;
export const terminalGated = (t: number) => (t & 1) === 1;
export const terminalOf = (entry: number, gated: boolean) => entry * 2 + (gated ? 1 : 0);
