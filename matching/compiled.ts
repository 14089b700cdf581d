/**
 * The compiled matcher's data shape, shared by the build-time compiler and the runtime scanner.
 *
 * A trie over normalised word tokens, stored as plain JSON objects so the build can inline it and
 * the page only pays JSON.parse. Keys are lower-cased tokens; the empty key "" holds a terminal.
 * Terminal values: `entryIndex * 2 + gated` for glossary forms, KEYWORD for AI-topic keywords.
 * Single-token case-sensitive forms (acronyms) live in `cs`, keyed by their exact spelling.
 */
export interface TrieNode {
  [token: string]: TrieNode | number | undefined;
}

export const KEYWORD = -1;

export interface CompiledMatcher {
  /** Entry ids, by entry index. */
  ids: string[];
  /** Display terms, by entry index. */
  terms: string[];
  trie: TrieNode;
  cs: Record<string, number>;
  /** First-token filter (see token-hash.ts), base64. */
  filter: string;
}

export const terminalEntry = (t: number) => t >> 1;
export const terminalGated = (t: number) => (t & 1) === 1;
