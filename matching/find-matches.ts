/**
 * Runtime matcher: finds glossary forms in one block of text. Pure; no DOM.
 *
 * What it does: splits text into word tokens (letters and digits, with `-` and `'` allowed inside
 * a word), hashing each as it goes. A token whose hash misses the build-time first-token filter
 * cannot start a match and costs nothing more. From the few that pass, it walks the packed trie
 * by token hash and keeps the longest form that starts there (after re-checking the form with a
 * second hash, so a hash collision can never report a wrong word), then resumes after it, so
 * matches never overlap. Phrases match in any case; acronyms only in their own case. A trailing
 * possessive 's is accepted and left out of the match.
 * Cost: one pass over the characters (a multiply per character); no string is built except for
 * acronym-shaped tokens that pass the filter. Token buffers are reused across calls.
 * Must never: report a match that does not start and end on a word boundary, or one whose text is
 * not a glossary form (the property tests in tests/unit check both).
 */
import { KEYWORD, type CompiledMatcher } from './compiled';
import { foldChars } from './normalize';
import { CHECK_SEED, checkStep, childOf, NO_TERMINAL, readPackedTrie, type PackedTrie } from './packed-trie';
import { filterIndex, FNV_OFFSET, foldCode, fromBase64, hashStep } from './token-hash';

export interface TextMatch {
  start: number;
  end: number;
  /** Terminal value: entry index * 2 + gated, or KEYWORD. */
  terminal: number;
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

/** Per BMP code unit: 0 = not yet known, 1 = word character, 2 = not (filled on first sight). */
const wordClass = new Uint8Array(0x10000);

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // The Unicode test builds a string and runs a regex: do it once per distinct character.
  const k = wordClass[c]!;
  if (k !== 0) return k === 1;
  const word = c >= 0xaa && NON_ASCII_WORD.test(String.fromCharCode(c));
  wordClass[c] = word ? 1 : 2;
  return word;
}

/** `-` `'` and their typographic twins join two word characters into one token. */
function isJoinerCode(c: number): boolean {
  return c === 45 || c === 39 || c === 0x2019 || c === 0x2018 || c === 0x02bc || (c >= 0x2010 && c <= 0x2013);
}

function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x202f || c === 0x2009 || c === 0x200a;
}

// Reused token buffers: a block rarely has more than a few thousand tokens.
let starts = new Int32Array(1024);
let ends = new Int32Array(1024);
/** Per token: hash of the token, and of the token without its possessive 's (flag 8). */
let hashes = new Int32Array(1024);
let bareHashes = new Int32Array(1024);
/**
 * Per token: 1 = may start a match, 2 = may start one without its possessive 's,
 * 4 = acronym-shaped, 8 = ends in a possessive 's.
 */
let flags = new Uint8Array(1024);

const tries = new WeakMap<CompiledMatcher, PackedTrie>();
function trieOf(m: CompiledMatcher): PackedTrie {
  let t = tries.get(m);
  if (!t) {
    t = readPackedTrie(fromBase64(m.trie));
    tries.set(m, t);
  }
  return t;
}

function grow(): void {
  const g32 = (a: Int32Array) => {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b;
  };
  starts = g32(starts);
  ends = g32(ends);
  hashes = g32(hashes);
  bareHashes = g32(bareHashes);
  const f = new Uint8Array(flags.length * 2);
  f.set(flags);
  flags = f;
}


/** Indices of the flagged tokens of the last tokenize(), in order; `hitCount` of them. */
let hits = new Int32Array(256);
let hitCount = 0;

/**
 * Tokenise, hash and flag; returns the number of tokens. Flagged tokens are also listed in
 * `hits`, so the match loop visits only them (a few percent of the words).
 */
function tokenize(text: string, bits: Uint8Array): number {
  let n = 0;
  hitCount = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    let c = text.charCodeAt(i);
    // ASCII tests inline and branch-light: in cold (interpreted) code every operation per
    // character counts. (c | 32) - 97 < 26 (unsigned) is "an ASCII letter".
    if (((c | 32) - 97) >>> 0 >= 26 && (c - 48) >>> 0 >= 10 && (c < 128 || !isWordCode(c))) {
      i++;
      continue;
    }
    const s = i;
    let h = FNV_OFFSET;
    let hBeforeJoiner = 0;
    let lastJoiner = -1;
    let innerUpper = false;
    for (;;) {
      // c is a word character at i; for ASCII ones, c | 32 is the lower-case fold.
      if (c < 128) {
        h = Math.imul(h ^ (c | 32), 0x01000193);
        if (c <= 90 && c >= 65 && i > s) innerUpper = true;
      } else h = Math.imul(h ^ foldCode(c), 0x01000193);
      i++;
      if (i >= len) break;
      c = text.charCodeAt(i);
      if (((c | 32) - 97) >>> 0 < 26 || (c - 48) >>> 0 < 10 || (c >= 128 && isWordCode(c))) continue;
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
    let f = 0;
    let fi = filterIndex(h);
    if (bits[fi >> 3]! & (1 << (fi & 7))) f = 1;
    // "mesa-optimizer's": also try the token without its possessive.
    if (lastJoiner === i - 2 && (text.charCodeAt(i - 1) | 32) === 115 && foldCode(text.charCodeAt(lastJoiner)) === 39) {
      fi = filterIndex(hBeforeJoiner);
      f |= bits[fi >> 3]! & (1 << (fi & 7)) ? 10 : 8;
    }
    if (innerUpper) f |= 4;
    // Tokens are stored for every word (a phrase continues through unflagged ones).
    if (n === starts.length) grow();
    starts[n] = s;
    ends[n] = i;
    hashes[n] = h;
    bareHashes[n] = hBeforeJoiner;
    flags[n] = f;
    if (f & 3) {
      if (hitCount === hits.length) {
        const g = new Int32Array(hits.length * 2);
        g.set(hits);
        hits = g;
      }
      hits[hitCount++] = n;
    }
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

/** The verification hash of tokens k..j, the last one shortened by `cut` characters. */
function checkOfTokens(text: string, k: number, j: number, cut: number): number {
  let v = CHECK_SEED;
  for (let t = k; t <= j; t++) {
    if (t > k) v = checkStep(v, 32);
    const end = ends[t]! - (t === j ? cut : 0);
    for (let i = starts[t]!; i < end; i++) {
      const c = text.charCodeAt(i);
      v = checkStep(v, c >= 65 && c <= 90 ? c + 32 : c < 128 ? c : foldCode(c));
    }
  }
  return v;
}

/**
 * Find every non-overlapping longest match in `text`. Matches are appended to `out` (returned),
 * in text order.
 */
export function findMatches(m: CompiledMatcher, text: string, out: TextMatch[] = []): TextMatch[] {
  const trie = trieOf(m);
  const n = tokenize(text, trie.filter);
  // Tokens before `next` are inside a match already reported.
  let next = 0;
  for (let h = 0; h < hitCount; h++) {
    const k = hits[h]!;
    if (k < next) continue;
    const f = flags[k]!;
    let bestTerminal: number | undefined;
    let bestEnd = -1;

    // Phrases and words: walk the trie token by token, remembering the longest terminal.
    if (f & 3) {
      let node = f & 1 ? childOf(trie, 0, hashes[k]!) : 0;
      let cut = 0;
      if (node === 0 && f & 2) {
        node = childOf(trie, 0, bareHashes[k]!);
        cut = 2;
      }
      let j = k;
      while (node !== 0) {
        const term = trie.terminal[node]!;
        if (term !== NO_TERMINAL && (checkOfTokens(text, k, j, cut) & 0xffff) === trie.check[node]) {
          bestTerminal = term;
          bestEnd = ends[j]! - cut;
        }
        // A possessive ends the phrase: "inner alignment's" is as far as it goes.
        j++;
        if (cut !== 0 || j >= n || !adjacent(text, j)) break;
        let next = childOf(trie, node, hashes[j]!);
        if (next === 0 && flags[j]! & 8) {
          next = childOf(trie, node, bareHashes[j]!);
          cut = 2;
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
      let r = k;
      while (r < n && ends[r]! <= bestEnd) r++;
      if (r < n && starts[r]! < bestEnd) r++;
      next = r;
    }
  }
  return out;
}

export { KEYWORD };
