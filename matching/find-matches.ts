/**
 * Runtime matcher, pure (no DOM): hashes each word as it reads; a word missing the first-token
 * filter costs nothing more, others walk the packed trie for the longest form (re-hashed, so a
 * collision never reports a wrong word). Cost: one pass, a multiply per character, few strings.
 * Must never: report a match off word boundaries, or not a glossary form (tests/unit check both).
 */
import { KEYWORD, type CompiledMatcher } from './compiled';
import {
  CLOSE_BRACKET,
  continuesAfterBreak,
  foldCode,
  isJoinerCode,
  isSpaceCode,
  isWordCode,
  mayBreakWord,
  OPEN_BRACKET,
  readingOf,
} from './char-rules';
import { CHECK_SEED, checkStep, childOf, NO_TERMINAL, readPackedTrie, type PackedTrie } from './packed-trie';
import { filterIndex, FNV_OFFSET, fromBase64, hashStep, pairIndex } from './token-hash';

export interface TextMatch {
  start: number;
  end: number;
  /** Terminal value: entry index * 2 + gated, or KEYWORD. */
  terminal: number;
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

/** The token ending at `end` has a joiner at `joiner` followed by a final "s": "optimizer's". */
function endsInPossessive(text: string, joiner: number, end: number): boolean {
  return joiner === end - 2 && (text.charCodeAt(end - 1) | 32) === 115 && foldCode(text.charCodeAt(joiner)) === 39;
}

/**
 * Endings that make an adjective of a term without changing what it names: a reader of
 * "interpretability-based heuristics" or "SAE-trained features" still wants the term explained.
 */
const COMPOUND_TAILS = new Set([
  'based',
  'driven',
  'style',
  'like',
  'related',
  'specific',
  'trained',
  'guided',
  'inspired',
  'focused',
  'oriented',
  'centric',
  'enabled',
  'powered',
  'assisted',
  'augmented',
  'informed',
]);

/**
 * How many characters end the token as a possessive ("optimizer's": 2) or a compound tail
 * ("RLHF-based": 6), counting the joiner; 0 when neither. Its hash before the joiner is then
 * tried as a form too.
 */
function tailCut(text: string, joiner: number, end: number): number {
  if (joiner < 0) return 0;
  if (endsInPossessive(text, joiner, end)) return 2;
  const n = end - joiner - 1;
  if (n < 4 || n > 9 || foldCode(text.charCodeAt(joiner)) !== 45) return 0;
  return COMPOUND_TAILS.has(text.slice(joiner + 1, end).toLowerCase()) ? n + 1 : 0;
}

// The token read last by readToken: where it ends, its hash, its hash without its possessive or
// compound tail, and that tail's length (0: none). Module state rather than an object: nothing is
// allocated per word.
let tokenEnd = 0;
let tokenHash = 0;
let tokenBareHash = 0;
let tokenCut = 0;

/**
 * Read the token that starts at `s` (a word character); sets the token* variables. Used for the
 * words after a phrase's first; findMatches' scan loop reads words the same way, inline: calling
 * this per word of the page (results through module state) made warm matching much slower on the
 * benchmark page (measured; see bench/README.md for the page).
 */
function readToken(text: string, s: number, len: number, seed: number): void {
  let i = s;
  let c = text.charCodeAt(i);
  let h = seed;
  let hBeforeJoiner = 0;
  let lastJoiner = -1;
  for (;;) {
    h = Math.imul(h ^ (c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : foldCode(c)), 0x01000193);
    if (++i >= len) break;
    c = text.charCodeAt(i);
    if (isWordCode(c)) continue;
    if (isJoinerCode(c) && i + 1 < len && isWordCode(text.charCodeAt(i + 1))) {
      hBeforeJoiner = h;
      lastJoiner = i;
      h = hashStep(h, foldCode(c));
      c = text.charCodeAt(++i);
      continue;
    }
    if (mayBreakWord(c)) {
      const p = continuesAfterBreak(text, i, len);
      if (p >= 0) {
        c = text.charCodeAt((i = p));
        continue;
      }
    }
    break;
  }
  tokenEnd = i;
  tokenHash = h;
  tokenBareHash = hBeforeJoiner;
  tokenCut = tailCut(text, lastJoiner, i);
}

/** Acronym-shaped: a capital after the first character. */
function hasInnerCapital(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

// Tokens of the phrase being tried (a form has a handful; 64 is far beyond any), and whether a
// comma came before each ("Claims, Arguments, Evidence": compile.ts keys it with the next word).
const MAX_PHRASE_TOKENS = 64;
const phraseStarts = new Int32Array(MAX_PHRASE_TOKENS);
const phraseEnds = new Int32Array(MAX_PHRASE_TOKENS);
const phraseComma = new Uint8Array(MAX_PHRASE_TOKENS);
const COMMA = 44;
const COMMA_SEED = hashStep(FNV_OFFSET, COMMA);

/** The verification hash of phrase tokens 0..j, the last one shortened by `cut` characters. */
function checkOfPhrase(text: string, j: number, cut: number): number {
  let v = CHECK_SEED;
  for (let t = 0; t <= j; t++) {
    if (t > 0) {
      v = checkStep(v, 32);
      if (phraseComma[t]) v = checkStep(v, COMMA);
    }
    const end = phraseEnds[t]! - (t === j ? cut : 0);
    for (let i = phraseStarts[t]!; i < end; i++) {
      const c = text.charCodeAt(i);
      // Inside a token, a soft hyphen or a hyphen at a line end is an invisible break.
      if (mayBreakWord(c)) {
        const p = continuesAfterBreak(text, i, end);
        if (p >= 0) {
          i = p - 1;
          continue;
        }
      }
      v = checkStep(v, c >= 65 && c <= 90 ? c + 32 : c < 128 ? c : foldCode(c));
    }
  }
  return v & 0xffff;
}

/**
 * Try to match a form starting at the token [s, e) whose word-filter bits are `f` (1: the
 * token, 2: the token less its last `tail` characters, a possessive or compound tail; phrases
 * are tried either way). Appends the
 * longest match to `out` and returns where scanning resumes (the end of the match's last token), or `e` when nothing matches.
 */
function matchAt(
  m: CompiledMatcher,
  trie: PackedTrie,
  text: string,
  s: number,
  e: number,
  hash: number,
  bareHash: number,
  tail: number,
  f: number,
  out: TextMatch[],
): number {
  const len = text.length;
  let bestTerminal: number | undefined;
  let bestEnd = -1;
  let resume = e;

  // Phrases and words: walk the trie token by token, reading the next word only when the trie
  // has somewhere to go, and remember the longest terminal. The full word is tried even when
  // only its bare form passed the word filter: it may still begin a phrase ("Goodhart's law"
  // where "Goodhart" is a form of its own).
  let node = childOf(trie, 0, hash);
  let cut = 0;
  if (node === 0 && f & 2) {
    node = childOf(trie, 0, bareHash);
    cut = tail;
  }
  phraseStarts[0] = s;
  phraseEnds[0] = e;
  let j = 0;
  while (node !== 0) {
    const term = trie.terminal[node]!;
    if (term !== NO_TERMINAL && checkOfPhrase(text, j, cut) === trie.check[node]) {
      bestTerminal = term;
      bestEnd = phraseEnds[j]! - cut;
      resume = phraseEnds[j]!;
    }
    // A possessive or compound tail ends the phrase: "inner alignment's" is as far as it goes.
    if (cut !== 0 || j + 1 >= MAX_PHRASE_TOKENS) break;
    // The next word continues the phrase only if nothing but white space comes before it, or a
    // comma and white space (trie keys after a comma begin with one).
    let p = phraseEnds[j]!;
    const comma = p < len && text.charCodeAt(p) === COMMA ? 1 : 0;
    p += comma;
    const spaceFrom = p;
    while (p < len && isSpaceCode(text.charCodeAt(p))) p++;
    if (p === spaceFrom || p >= len || !isWordCode(text.charCodeAt(p))) break;
    readToken(text, p, len, comma ? COMMA_SEED : FNV_OFFSET);
    j++;
    phraseStarts[j] = p;
    phraseComma[j] = comma;
    phraseEnds[j] = tokenEnd;
    let next = childOf(trie, node, tokenHash);
    if (next === 0 && tokenCut !== 0) {
      next = childOf(trie, node, tokenBareHash);
      // Only a phrase that goes on with the bare word ends in a possessive; otherwise the words
      // read so far keep their own matches ("Goodhart's Goodhart's": the first is "Goodhart").
      if (next !== 0) cut = tokenCut;
    }
    node = next;
  }

  // "Goodhart's paper": the full word began a phrase that did not follow; the word without its
  // possessive may still be a form on its own.
  if (bestTerminal === undefined && f & 2 && cut === 0) {
    const bare = childOf(trie, 0, bareHash);
    const term = bare === 0 ? NO_TERMINAL : trie.terminal[bare]!;
    if (term !== NO_TERMINAL && checkOfPhrase(text, 0, tail) === trie.check[bare]) {
      bestTerminal = term;
      bestEnd = e - tail;
      resume = e;
    }
  }

  // Acronyms: exact case, one token, optionally possessive or with a compound tail.
  if (e - s > 1 && bestEnd < e && hasInnerCapital(text, s, e)) {
    const raw = readingOf(text.slice(s, e));
    const cs = Object.hasOwn(m.cs, raw) ? m.cs[raw] : undefined;
    const bare = tail === 0 || cs !== undefined ? undefined : readingOf(text.slice(s, e - tail));
    const csBare = bare !== undefined && Object.hasOwn(m.cs, bare) ? m.cs[bare] : undefined;
    if (cs !== undefined || csBare !== undefined) {
      bestTerminal = cs ?? csBare;
      bestEnd = cs !== undefined ? e : e - tail;
      resume = e;
    }
  }

  if (bestTerminal === undefined) return e;
  out.push({ start: s, end: bestEnd, terminal: bestTerminal });
  return resume;
}

/**
 * A bracketed form ("p(doom)") starting at `s`, the bracket at `open`: appends the match and
 * returns where scanning resumes, or 0 when there is none.
 */
function bracketFormAt(br: Record<string, number>, text: string, s: number, open: number, len: number, out: TextMatch[]): number {
  let j = open + 1;
  while (j < len && j - open <= 24 && (isWordCode(text.charCodeAt(j)) || isJoinerCode(text.charCodeAt(j)))) j++;
  if (j >= len || j === open + 1 || text.charCodeAt(j) !== CLOSE_BRACKET) return 0;
  const end = j + 1;
  // The form must end the word: "p(doom)s" is no match, "p(doom)'s" is (its possessive left out).
  if (end < len && isWordCode(text.charCodeAt(end))) return 0;
  if (
    end + 1 < len &&
    isJoinerCode(text.charCodeAt(end)) &&
    isWordCode(text.charCodeAt(end + 1)) &&
    !(endsInPossessive(text, end, end + 2) && !isWordCode(text.charCodeAt(end + 2)))
  )
    return 0;
  const key = readingOf(text.slice(s, end)).toLowerCase();
  const terminal = Object.hasOwn(br, key) ? br[key] : undefined;
  if (terminal === undefined) return 0;
  out.push({ start: s, end, terminal });
  return end;
}

/** Bit `index` of a 2^16-bit filter. */
function hasBit(bits: Uint8Array, index: number): boolean {
  return (bits[index >> 3]! & (1 << (index & 7))) !== 0;
}

/**
 * Find every non-overlapping longest match in `text`. Matches are appended to `out` (returned),
 * in text order.
 */
export function findMatches(m: CompiledMatcher, text: string, out: TextMatch[] = []): TextMatch[] {
  const trie = trieOf(m);
  const words = trie.filter;
  const pairs = trie.pairs;
  const len = text.length;
  // The previous word, while it may still start a phrase (-1: none).
  let prevStart = -1;
  let prevEnd = 0;
  let prevHash = 0;
  let i = 0;
  // The scan proper: hash each word as it is read. A word is looked up only when its filter bit
  // says it may be a form on its own, or when it and the word before may start a phrase (so
  // common words that begin some phrase, "the", "value", cost nothing until the next word fits).
  // Every operation per character counts (in the background's warm code as in a cold page), so
  // the ASCII tests are inline and branch-light: (c | 32) - 97 < 26 (unsigned) is "an ASCII letter".
  while (i < len) {
    let c = text.charCodeAt(i);
    if (((c | 32) - 97) >>> 0 >= 26 && (c - 48) >>> 0 >= 10 && (c < 128 || !isWordCode(c))) {
      i++;
      continue;
    }
    const s = i;
    let h = FNV_OFFSET;
    let hBeforeJoiner = 0;
    let lastJoiner = -1;
    for (;;) {
      // c is a word character at i; for ASCII ones, c | 32 is the lower-case fold.
      h = Math.imul(h ^ (c < 128 ? c | 32 : foldCode(c)), 0x01000193);
      if (++i >= len) break;
      c = text.charCodeAt(i);
      if (((c | 32) - 97) >>> 0 < 26 || (c - 48) >>> 0 < 10 || (c >= 128 && isWordCode(c))) continue;
      if (isJoinerCode(c) && i + 1 < len && isWordCode(text.charCodeAt(i + 1))) {
        hBeforeJoiner = h;
        lastJoiner = i;
        h = hashStep(h, foldCode(c));
        c = text.charCodeAt(++i);
        continue;
      }
      if (mayBreakWord(c)) {
        const p = continuesAfterBreak(text, i, len);
        if (p >= 0) {
          c = text.charCodeAt((i = p));
          continue;
        }
      }
      break;
    }
    // "p(doom)": a bracket glued to a word may go on into one of the few bracketed forms.
    if (c === OPEN_BRACKET && m.br) {
      const end = bracketFormAt(m.br, text, s, i, len, out);
      if (end > 0) {
        i = end;
        prevStart = -1;
        continue;
      }
    }
    // "mesa-optimizer's", "SAE-based": the word is also tried without its possessive or tail.
    const tail = tailCut(text, lastJoiner, i);

    if (prevStart >= 0 && (hasBit(pairs, pairIndex(prevHash, h)) || (tail !== 0 && hasBit(pairs, pairIndex(prevHash, hBeforeJoiner))))) {
      const found = out.length;
      const resume = matchAt(m, trie, text, prevStart, prevEnd, prevHash, 0, 0, 1, out);
      prevStart = -1;
      if (out.length > found) {
        i = resume;
        continue;
      }
    }

    let f = hasBit(words, filterIndex(h)) ? 1 : 0;
    if (tail !== 0 && hasBit(words, filterIndex(hBeforeJoiner))) f |= 2;
    if (f !== 0) {
      // Tried in full here (phrases too), so it is not kept as the start of a phrase.
      i = matchAt(m, trie, text, s, i, h, hBeforeJoiner, tail, f, out);
      prevStart = -1;
    } else {
      prevStart = s;
      prevEnd = i;
      prevHash = h;
    }
  }
  return out;
}

export { KEYWORD };
