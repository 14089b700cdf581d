/**
 * Runtime matcher: finds glossary forms in one block of text. Pure; no DOM.
 *
 * What it does: splits text into word tokens (letters and digits, with `-` and `'` allowed inside
 * a word), walks the compiled trie from each token and keeps the longest form that starts there,
 * then resumes after it, so matches never overlap. Phrases match in any case; acronyms only in
 * their own case. A trailing possessive 's is accepted and left out of the match.
 * Cost: one lower-casing of the block, one property lookup per token, a few more per partial hit.
 * No allocation per token beyond the token string itself.
 * Must never: report a match that does not start and end on a word boundary, or one whose text is
 * not a glossary form (the property tests in tests/unit check both).
 */
import { KEYWORD, type CompiledMatcher, type TrieNode } from './compiled';
import { foldChars } from './normalize';

export interface TextMatch {
  start: number;
  end: number;
  /** Terminal value: entry index * 2 + gated, or KEYWORD. */
  terminal: number;
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return c >= 0xaa && NON_ASCII_WORD.test(String.fromCharCode(c));
}

/** `-` `'` and their typographic twins join two word characters into one token. */
function isJoinerCode(c: number): boolean {
  return c === 45 || c === 39 || c === 0x2019 || c === 0x2018 || c === 0x02bc || (c >= 0x2010 && c <= 0x2013);
}

function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x202f || c === 0x2009 || c === 0x200a;
}

function child(node: TrieNode, key: string): TrieNode | undefined {
  const next = node[key];
  return typeof next === 'object' && Object.hasOwn(node, key) ? next : undefined;
}

function terminalOf(node: TrieNode): number | undefined {
  const t = node[''];
  return typeof t === 'number' ? t : undefined;
}

// Reused token buffers: a block rarely has more than a few thousand tokens.
let starts = new Int32Array(1024);
let ends = new Int32Array(1024);

function tokenize(text: string): number {
  let n = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    i++;
    for (;;) {
      while (i < len && isWordCode(text.charCodeAt(i))) i++;
      if (i + 1 < len && isJoinerCode(text.charCodeAt(i)) && isWordCode(text.charCodeAt(i + 1))) {
        i += 2;
        continue;
      }
      break;
    }
    if (n === starts.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      starts = grow(starts);
      ends = grow(ends);
    }
    starts[n] = s;
    ends[n] = i;
    n++;
  }
  return n;
}

/** Only whitespace separates token k-1 and token k. */
function adjacent(text: string, k: number): boolean {
  for (let i = ends[k - 1]!; i < starts[k]!; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

const POSSESSIVE = /'s$/;

/**
 * Find every non-overlapping longest match in `text`. Matches are appended to `out` (returned),
 * in text order.
 */
export function findMatches(m: CompiledMatcher, text: string, out: TextMatch[] = []): TextMatch[] {
  const n = tokenize(text);
  if (n === 0) return out;
  const folded = foldChars(text);
  let lower: string | null = folded.toLowerCase();
  // Some characters change length when lower-cased (U+0130); offsets must stay exact.
  if (lower.length !== text.length) lower = null;
  const tok = (k: number) =>
    lower !== null ? lower.slice(starts[k]!, ends[k]!) : folded.slice(starts[k]!, ends[k]!).toLowerCase();

  let k = 0;
  while (k < n) {
    let bestTerminal: number | undefined;
    let bestEnd = -1;

    // Phrases and words: walk the trie token by token, remembering the longest terminal.
    let t = tok(k);
    let node = child(m.trie, t);
    let possessiveCut = 0;
    if (!node && POSSESSIVE.test(t)) {
      node = child(m.trie, t.slice(0, -2));
      possessiveCut = 2;
    }
    let j = k;
    while (node) {
      const term = terminalOf(node);
      if (term !== undefined) {
        bestTerminal = term;
        bestEnd = ends[j]! - possessiveCut;
      }
      j++;
      if (j >= n || !adjacent(text, j)) break;
      t = tok(j);
      possessiveCut = 0;
      let next = child(node, t);
      if (!next && POSSESSIVE.test(t)) {
        next = child(node, t.slice(0, -2));
        possessiveCut = 2;
      }
      node = next;
    }

    // Acronyms: exact case, one token, optionally possessive.
    const s = starts[k]!;
    const e = ends[k]!;
    if (e - s > 1 && bestEnd < e) {
      let raw = folded.slice(s, e);
      let cut = 0;
      if (POSSESSIVE.test(raw)) {
        raw = raw.slice(0, -2);
        cut = 2;
      }
      const cs = Object.hasOwn(m.cs, raw) ? m.cs[raw] : undefined;
      if (cs !== undefined) {
        bestTerminal = cs;
        bestEnd = e - cut;
      }
    }

    if (bestTerminal !== undefined) {
      out.push({ start: s, end: bestEnd, terminal: bestTerminal });
      // Resume after the token that holds the match end.
      while (k < n && ends[k]! <= bestEnd) k++;
      if (k < n && starts[k]! < bestEnd) k++;
    } else k++;
  }
  return out;
}

export { KEYWORD };
