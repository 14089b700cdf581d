/**
 * Runtime matcher: finds glossary forms in one block of text. Pure; no DOM.
 *
 * What it does: splits text into word tokens (letters and digits, with `-` and `'` allowed inside
 * a word), hashing each as it goes. A token whose hash misses the build-time first-token filter
 * cannot start a match and costs nothing more. From the few that pass, it walks the compiled
 * trie and keeps the longest form that starts there, then resumes after it, so matches never
 * overlap. Phrases match in any case; acronyms only in their own case. A trailing possessive 's
 * is accepted and left out of the match.
 * Cost: one pass over the characters (a multiply per character); string slices and trie lookups
 * only for filter hits. Token buffers are reused across calls.
 * Must never: report a match that does not start and end on a word boundary, or one whose text is
 * not a glossary form (the property tests in tests/unit check both).
 */
import { KEYWORD, type CompiledMatcher, type TrieNode } from './compiled';
import { foldChars } from './normalize';
import { filterIndex, FNV_OFFSET, foldCode, fromBase64, hashStep } from './token-hash';

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
/** Per token: 1 = may start a match, 2 = may start one without its possessive 's, 4 = acronym-shaped. */
let flags = new Uint8Array(1024);

const filters = new WeakMap<CompiledMatcher, Uint8Array>();
function filterOf(m: CompiledMatcher): Uint8Array {
  let f = filters.get(m);
  if (!f) {
    f = fromBase64(m.filter);
    filters.set(m, f);
  }
  return f;
}

function grow(): void {
  const g32 = (a: Int32Array) => {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b;
  };
  starts = g32(starts);
  ends = g32(ends);
  const f = new Uint8Array(flags.length * 2);
  f.set(flags);
  flags = f;
}

const inFilter = (bits: Uint8Array, h: number) => {
  const i = filterIndex(h);
  return (bits[i >> 3]! & (1 << (i & 7))) !== 0;
};

/** Tokenise and flag; returns the number of tokens and whether any token was flagged. */
function tokenize(text: string, bits: Uint8Array): number {
  let n = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    let c = text.charCodeAt(i);
    // ASCII tests inline: in cold (interpreted) code a call per character dominates.
    const lower = c | 32;
    if (!((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57)) && (c < 128 || !isWordCode(c))) {
      i++;
      continue;
    }
    const s = i;
    let h = FNV_OFFSET;
    let hBeforeJoiner = 0;
    let lastJoiner = -1;
    let innerUpper = false;
    for (;;) {
      // c is a word character at i. ASCII folding inline: this loop sees every character.
      h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c < 128 ? c : foldCode(c)), 0x01000193);
      if (i > s && c >= 65 && c <= 90) innerUpper = true;
      i++;
      if (i >= len) break;
      c = text.charCodeAt(i);
      const l = c | 32;
      if ((l >= 97 && l <= 122) || (c >= 48 && c <= 57) || (c >= 128 && isWordCode(c))) continue;
      if (isJoinerCode(c) && i + 1 < len && isWordCode(text.charCodeAt(i + 1))) {
        hBeforeJoiner = h;
        lastJoiner = i;
        h = hashStep(h, foldCode(c));
        i++;
        c = text.charCodeAt(i);
        continue;
      }
      break;
    }
    if (n === starts.length) grow();
    starts[n] = s;
    ends[n] = i;
    let f = 0;
    if (inFilter(bits, h)) f |= 1;
    // "mesa-optimizer's": also try the token without its possessive.
    if (lastJoiner === i - 2 && (text.charCodeAt(i - 1) | 32) === 115 && foldCode(text.charCodeAt(lastJoiner)) === 39 && inFilter(bits, hBeforeJoiner)) f |= 2;
    if (innerUpper) f |= 4;
    flags[n] = f;
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

/** Lower-cased, typographically folded token k (same length as in the text). */
function tokenAt(text: string, k: number): string {
  return foldChars(text.slice(starts[k]!, ends[k]!)).toLowerCase();
}

/**
 * Find every non-overlapping longest match in `text`. Matches are appended to `out` (returned),
 * in text order.
 */
export function findMatches(m: CompiledMatcher, text: string, out: TextMatch[] = []): TextMatch[] {
  const n = tokenize(text, filterOf(m));
  let k = 0;
  while (k < n) {
    const f = flags[k]!;
    if (f === 0) {
      k++;
      continue;
    }
    let bestTerminal: number | undefined;
    let bestEnd = -1;

    // Phrases and words: walk the trie token by token, remembering the longest terminal.
    if (f & 3) {
      let t = tokenAt(text, k);
      let node = f & 1 ? child(m.trie, t) : undefined;
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
        t = tokenAt(text, j);
        possessiveCut = 0;
        let next = child(node, t);
        if (!next && POSSESSIVE.test(t)) {
          next = child(node, t.slice(0, -2));
          possessiveCut = 2;
        }
        node = next;
      }
    }

    // Acronyms: exact case, one token, optionally possessive.
    const s = starts[k]!;
    const e = ends[k]!;
    if (f & 4 && f & 3 && e - s > 1 && bestEnd < e) {
      let raw = foldChars(text.slice(s, e));
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
