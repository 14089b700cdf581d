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
 * Cost: one pass over the characters (a multiply per character); nothing is stored for a word
 * that misses the filter, and no string is built except for acronym-shaped words that pass it.
 * Buffers are reused across calls.
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

// Reused buffers for the flagged tokens of one block (a few percent of its words).
let hitStart = new Int32Array(256);
let hitEnd = new Int32Array(256);
/** Hash of the token, and of the token without its possessive 's (flag 8). */
let hitHash = new Int32Array(256);
let hitBare = new Int32Array(256);
/**
 * 1 = may start a match, 2 = may start one without its possessive 's, 4 = acronym-shaped,
 * 8 = ends in a possessive 's.
 */
let hitFlags = new Uint8Array(256);

function growHits(): void {
  const g = (a: Int32Array) => {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b;
  };
  hitStart = g(hitStart);
  hitEnd = g(hitEnd);
  hitHash = g(hitHash);
  hitBare = g(hitBare);
  const f = new Uint8Array(hitFlags.length * 2);
  f.set(hitFlags);
  hitFlags = f;
}

const tries = new WeakMap<CompiledMatcher, PackedTrie>();
function trieOf(m: CompiledMatcher): PackedTrie {
  let t = tries.get(m);
  if (!t) {
    t = readPackedTrie(fromBase64(m.trie));
    tries.set(m, t);
  }
  return t;
}

const isPossessiveAt = (text: string, end: number, lastJoiner: number) =>
  lastJoiner === end - 2 && (text.charCodeAt(end - 1) | 32) === 115 && foldCode(text.charCodeAt(lastJoiner)) === 39;

/**
 * Tokenise and hash the whole block, recording only the tokens that pass the first-token filter
 * (or are acronym-shaped and pass it); returns how many. This loop sees every character of the
 * page, so its tests are inline (a call per character dominates in cold, interpreted code).
 */
function tokenize(text: string, bits: Uint8Array): number {
  let hits = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    let c = text.charCodeAt(i);
    // (c | 32) - 97 < 26, unsigned, is "an ASCII letter".
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
    let fi = filterIndex(h);
    let f = bits[fi >> 3]! & (1 << (fi & 7)) ? 1 : 0;
    // "mesa-optimizer's": also try the token without its possessive.
    if (lastJoiner === i - 2 && isPossessiveAt(text, i, lastJoiner)) {
      fi = filterIndex(hBeforeJoiner);
      f |= bits[fi >> 3]! & (1 << (fi & 7)) ? 10 : 8;
    }
    if (f & 3) {
      if (hits === hitStart.length) growHits();
      hitStart[hits] = s;
      hitEnd[hits] = i;
      hitHash[hits] = h;
      hitBare[hits] = hBeforeJoiner;
      hitFlags[hits] = innerUpper ? f | 4 : f;
      hits++;
    }
  }
  return hits;
}

// The token after a phrase's last one, read on demand while walking the trie.
let nextStart = 0;
let nextEnd = 0;
let nextHash = 0;
let nextBare = 0;
let nextPossessive = false;

/**
 * Read the token that follows position `from` when only whitespace separates them (a phrase
 * continues only across spaces). Same rules as tokenize(); sets the next* variables.
 */
function readNextToken(text: string, from: number): boolean {
  const len = text.length;
  let i = from;
  while (i < len && text.charCodeAt(i) === 32) i++;
  while (i < len && isSpaceCode(text.charCodeAt(i))) i++;
  if (i === from || i >= len || !isWordCode(text.charCodeAt(i))) return false;
  const s = i;
  let h = FNV_OFFSET;
  let hBeforeJoiner = 0;
  let lastJoiner = -1;
  while (i < len) {
    const c = text.charCodeAt(i);
    // Inline ASCII tests, as in tokenize(): most hits read a next word, in cold code too.
    if (((c | 32) - 97) >>> 0 < 26 || (c - 48) >>> 0 < 10) {
      h = Math.imul(h ^ (c | 32), 0x01000193);
      i++;
    } else if (c >= 128 && isWordCode(c)) {
      h = hashStep(h, foldCode(c));
      i++;
    } else if (isJoinerCode(c) && i + 1 < len && isWordCode(text.charCodeAt(i + 1))) {
      hBeforeJoiner = h;
      lastJoiner = i;
      h = hashStep(h, foldCode(c));
      i++;
    } else break;
  }
  nextStart = s;
  nextEnd = i;
  nextHash = h;
  nextPossessive = isPossessiveAt(text, i, lastJoiner);
  nextBare = hBeforeJoiner;
  return true;
}

const POSSESSIVE = /'s$/;

// Token ranges of the phrase being walked (for its verification hash).
const phraseStart = new Int32Array(16);
const phraseEnd = new Int32Array(16);

/** The verification hash of the phrase's first `count` tokens, the last one shortened by `cut`. */
function checkOfPhrase(text: string, count: number, cut: number): number {
  let v = CHECK_SEED;
  for (let t = 0; t < count; t++) {
    if (t > 0) v = checkStep(v, 32);
    const end = phraseEnd[t]! - (t === count - 1 ? cut : 0);
    for (let i = phraseStart[t]!; i < end; i++) {
      const c = text.charCodeAt(i);
      v = checkStep(v, c >= 65 && c <= 90 ? c + 32 : c < 128 ? c : foldCode(c));
    }
  }
  return v & 0xffff;
}

/**
 * Find every non-overlapping longest match in `text`. Matches are appended to `out` (returned),
 * in text order.
 */
export function findMatches(m: CompiledMatcher, text: string, out: TextMatch[] = []): TextMatch[] {
  const trie = trieOf(m);
  const hits = tokenize(text, trie.filter);
  // Text before `resume` is inside a match already reported.
  let resume = 0;
  for (let k = 0; k < hits; k++) {
    const s = hitStart[k]!;
    if (s < resume) continue;
    const e = hitEnd[k]!;
    const f = hitFlags[k]!;
    let bestTerminal: number | undefined;
    let bestEnd = -1;

    // Phrases and words: walk the trie token by token, remembering the longest terminal.
    let node = f & 1 ? childOf(trie, 0, hitHash[k]!) : 0;
    let cut = 0;
    if (node === 0 && f & 2) {
      node = childOf(trie, 0, hitBare[k]!);
      cut = 2;
    }
    let count = 1;
    phraseStart[0] = s;
    phraseEnd[0] = e;
    while (node !== 0) {
      const term = trie.terminal[node]!;
      if (term !== NO_TERMINAL && checkOfPhrase(text, count, cut) === trie.check[node]) {
        bestTerminal = term;
        bestEnd = phraseEnd[count - 1]! - cut;
      }
      // A possessive ends the phrase: "inner alignment's" is as far as it goes.
      if (cut !== 0 || count === phraseStart.length || !readNextToken(text, phraseEnd[count - 1]!)) break;
      let next = childOf(trie, node, nextHash);
      if (next === 0 && nextPossessive) {
        next = childOf(trie, node, nextBare);
        cut = 2;
      }
      phraseStart[count] = nextStart;
      phraseEnd[count] = nextEnd;
      count++;
      node = next;
    }

    // Acronyms: exact case, one token, optionally possessive.
    if (f & 4 && e - s > 1 && bestEnd < e) {
      let raw = foldChars(text.slice(s, e));
      let rawCut = 0;
      if (POSSESSIVE.test(raw)) {
        raw = raw.slice(0, -2);
        rawCut = 2;
      }
      const cs = Object.hasOwn(m.cs, raw) ? m.cs[raw] : undefined;
      if (cs !== undefined) {
        bestTerminal = cs;
        bestEnd = e - rawCut;
      }
    }

    if (bestTerminal !== undefined) {
      out.push({ start: s, end: bestEnd, terminal: bestTerminal });
      resume = bestEnd;
    }
  }
  return out;
}

export { KEYWORD };
