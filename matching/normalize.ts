/**
 * Forms as the compiler and the loader compare them: which are case-sensitive (acronyms such as
 * RLHF, ELK, CoT) and which two forms are the same (the key a duplicate is found by; the
 * character folds are in char-rules.ts). Cost: a few string operations per form, at build time.
 * Must never: change the length of a token, because match offsets index the page's own text.
 */
import { foldChars, readingOf } from './char-rules';

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
  return readingOf(form.trim())
    .toLowerCase()
    .replace(/[\s-]+/g, ' ');
}
