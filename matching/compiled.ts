/**
 * The compiled matcher's data, shared by the build-time compiler and the runtime scanner. The trie
 * ships packed as base64 (packed-trie.ts), so a page pays one native decode and no parsing.
 * Cost: types and a few bit operations.
 * Must never: hold data a page would have to parse or build objects from.
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
  /** Single-token case-sensitive forms (acronyms), keyed by their exact spelling. */
  cs: Record<string, number>;
  /** The few forms with brackets ("p(doom)"), keyed by their lower-cased reading. */
  br?: Record<string, number>;
}

/**
 * Terminal values: `entryIndex * 2 + gated` for glossary forms, KEYWORD for AI-topic keywords. A
 * gated form is shown only on pages about AI and is no evidence that a page is: an everyday word
 * ("debate"), a derived form ("seeks power"), or any form of another field's concept (Goodhart's
 * law).
 */
export const terminalEntry = (t: number) => t >> 1;
export const terminalGated = (t: number) => (t & 1) === 1;
export const terminalOf = (entry: number, gated: boolean) => entry * 2 + (gated ? 1 : 0);
