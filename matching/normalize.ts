/**
 * Character-level normalisation shared by the build-time compiler and the runtime matcher.
 *
 * What it does: folds typographic variants (curly apostrophes, Unicode hyphens and en dashes)
 * to ASCII so that `Goodhart’s law` and `Goodhart's law` are the same form, and decides which
 * forms are case-sensitive (acronyms such as RLHF, ELK, CoT).
 * Cost: a few string operations per token; no allocation when the token is already plain.
 * Must never: change the length of a token, because match offsets index the page's own text.
 */

/** Apostrophe look-alikes: ’ ‘ ʼ ′ */
const APOSTROPHES = /[\u2019\u2018\u02BC\u2032]/g;
/** Hyphen look-alikes that join words: ‐ ‑ ‒ – − */
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2212]/g;
const NEEDS_FOLD = /[\u2019\u2018\u02BC\u2032\u2010\u2011\u2012\u2013\u2212]/;

/** Same length in, same length out. */
export function foldChars(s: string): string {
  if (!NEEDS_FOLD.test(s)) return s;
  return s.replace(APOSTROPHES, "'").replace(HYPHENS, '-');
}

/**
 * A form is case-sensitive when it is a single word with a capital after its first letter:
 * RLHF, ELK, AGI, CoT, GPT-4. Title-case words (Goodhart) and phrases match in any case.
 */
export function isCaseSensitiveForm(form: string): boolean {
  const f = foldChars(form.trim());
  if (/\s/.test(f)) return false;
  return /[A-Z]/.test(f.slice(1));
}

/** Key used to detect two entries claiming the same form: case, quotes and hyphen/space folded. */
export function formKey(form: string): string {
  return foldChars(form.trim()).toLowerCase().replace(/[\s-]+/g, ' ');
}
