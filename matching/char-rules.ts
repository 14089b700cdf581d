/**
 * Character rules: how each character reads in a term (word, joiner, space, invisible; the fold;
 * a line end inside a word), for the variant generator, matcher, snapshot boundary test and popup
 * search alike. Cost: a comparison or two per character; no allocation unless a string is folded.
 * Must never: be duplicated elsewhere (tests/unit/char-rules.test.ts checks that all users agree).
 */

/** The soft hyphen (U+00AD, HTML &shy;): invisible unless a line breaks there; never splits a word. */
export const SOFT_HYPHEN = 0xad;
/** Brackets that may stand inside a form, as in p(doom). */
export const OPEN_BRACKET = 0x28;
export const CLOSE_BRACKET = 0x29;

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;
/**
 * Per BMP code unit: 0 = not yet known, 1 = word character, 2 = not (filled on first sight).
 * Made on first use: the every-page script imports this module for its boundary test alone.
 */
let wordClass: Uint8Array | null = null;

/** Letters, digits and combining marks. */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // The Unicode test builds a string and runs a regex: do it once per distinct character.
  const classes = (wordClass ??= new Uint8Array(0x10000));
  const k = classes[c]!;
  if (k !== 0) return k === 1;
  const word = c >= 0xaa && c !== SOFT_HYPHEN && NON_ASCII_WORD.test(String.fromCharCode(c));
  classes[c] = word ? 1 : 2;
  return word;
}

/** ' and its look-alikes: ’ ‘ ʼ ′ (prime, as typeset in "Goodhart′s"). */
export function isApostropheCode(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0x2032;
}

/** - and the hyphens and dashes that join words: ‐ ‑ ‒ – − (minus sign), small and full-width hyphen-minus. */
export function isHyphenCode(c: number): boolean {
  return c === 0x2d || (c >= 0x2010 && c <= 0x2013) || c === 0x2212 || c === 0xfe63 || c === 0xff0d;
}

/** A character that joins two word characters into one token ("mesa-optimizer", "Goodhart's"). */
export function isJoinerCode(c: number): boolean {
  return c === 45 || c === 39 || (c >= 128 && (isApostropheCode(c) || isHyphenCode(c)));
}

/** White space, NBSP and the thin and narrow spaces typesetting uses. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

/**
 * Characters that end a word whatever comes next; false for anything that could be a letter or
 * a joiner (or is invisible), so a caller that trusts it never splits a word wrongly.
 */
export function isBoundaryCode(c: number): boolean {
  if (c < 128) {
    const letterOrDigit = ((c | 32) - 97) >>> 0 < 26 || (c - 48) >>> 0 < 10;
    // Brackets too may stand inside a form: p(doom).
    return !letterOrDigit && c !== 45 && c !== 39 && c !== OPEN_BRACKET && c !== CLOSE_BRACKET;
  }
  return isSpaceCode(c) || c === 0x2014 || c === 0x201c || c === 0x201d || c === 0x2026 || c === 0xab || c === 0xbb;
}

/** The character a term is compared in: lower case, one apostrophe, one hyphen. */
export function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  if (isApostropheCode(c)) return 39;
  if (isHyphenCode(c)) return 45;
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** A soft hyphen or hyphen: where a word may go on across an invisible break (see below). */
export function mayBreakWord(c: number): boolean {
  return c === SOFT_HYPHEN || isHyphenCode(c);
}

/**
 * Where a word goes on after an invisible break at `i` (inside a word, `text[i]` not a word
 * character), or -1 when the word ends there. Two breaks are invisible to a reader: a soft hyphen
 * ("inter&shy;pretability") and a hyphen at the end of a line, the next line going on with the
 * word ("mis-" / "generalization", as typeset PDFs break words). The hyphen is dropped: a real
 * compound that breaks at its hyphen ("mesa-" / "optimizer") reads as its joined spelling, which
 * the variant generator provides for every form (see variants.ts).
 */
export function continuesAfterBreak(text: string, i: number, len: number): number {
  const c = text.charCodeAt(i);
  if (!mayBreakWord(c)) return -1;
  let p = i + 1;
  if (c === SOFT_HYPHEN && p < len && isWordCode(text.charCodeAt(p))) return p;
  // A line end: spaces or tabs, one line feed, then the indentation of the next line.
  while (p < len && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  if (p >= len || (text.charCodeAt(p) !== 10 && text.charCodeAt(p) !== 13)) return -1;
  p++;
  if (p < len && text.charCodeAt(p) === 10 && text.charCodeAt(p - 1) === 13) p++;
  while (p < len && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  return p < len && isWordCode(text.charCodeAt(p)) ? p : -1;
}

const FOLD = /[\u2019\u2018\u02BC\u2032\u2010-\u2013\u2212\uFE63\uFF0D]/g;
const NEEDS_FOLD = /[\u2019\u2018\u02BC\u2032\u2010-\u2013\u2212\uFE63\uFF0D]/;

/** Apostrophe and hyphen look-alikes to ASCII. Same length in, same length out. */
export function foldChars(s: string): string {
  if (!NEEDS_FOLD.test(s)) return s;
  return s.replace(FOLD, (ch) => (isApostropheCode(ch.charCodeAt(0)) ? "'" : '-'));
}

const SPACES = /[\s\u00A0\u202F\u2000-\u200A\u3000]+/g;

/**
 * How a reader reads a stretch of page text: look-alikes folded, soft hyphens and line-end
 * hyphens gone (`keepHyphens`: a line-end hyphen stays, as in a compound), every run of white
 * space one space. For search and comparison, not for offsets.
 */
export function readingOf(s: string, keepHyphens = false): string {
  return foldChars(unbroken(s, keepHyphens));
}

/**
 * A match's text as the page writes it, for lists, less its invisible breaks: a line-end hyphen
 * stays where the entry's own name has it ("mesa-" / "optimizer" is mesa-optimizer) and goes
 * elsewhere ("mis-" / "generalization" is misgeneralization).
 */
export function formReading(text: string, term: string | undefined): string {
  const dropped = unbroken(text, false);
  if (!term) return dropped;
  const kept = unbroken(text, true);
  return kept !== dropped && readingOf(kept).toLowerCase().startsWith(readingOf(term).toLowerCase()) ? kept : dropped;
}

/** The text without soft hyphens and line-end breaks, its white space runs one space each. */
function unbroken(s: string, keepHyphens: boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!mayBreakWord(c)) continue;
    if (i === 0 || !isWordCode(s.charCodeAt(i - 1))) continue;
    const next = continuesAfterBreak(s, i, s.length);
    if (next < 0) {
      if (c === SOFT_HYPHEN) {
        out += s.slice(from, i);
        from = i + 1;
      }
      continue;
    }
    out += s.slice(from, i) + (keepHyphens && c !== SOFT_HYPHEN ? s[i] : '');
    from = next;
    i = next - 1;
  }
  return (out + s.slice(from)).replace(SPACES, ' ');
}
