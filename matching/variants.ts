/**
 * Surface-form variants, made at build time so the page pays nothing: hyphen/space/joined ("mesa
 * optimizer", "mesaoptimizer", a compound joined at any one hyphen as a line end leaves it),
 * British/American spellings and the last word's plural. Cost: build time only. Must never:
 * produce a bare common word (it only reshapes the form it is given, never drops its words).
 */
import { foldChars } from './char-rules';
import { isCaseSensitiveForm } from './normalize';

const IZE = /(?<=\w{2})(i|y)([zs])(e|ed|er|ers|es|ing|ation|ations|able)$/;
const OUR = /(behavio|favo|colo|hono|labo|neighbo|rumo|humo|harbo)(u?)r(al|ally|s|ed|ing|ist|ists)?$/;
const DOUBLE_L = /(model|label|signal|level|travel|cancel|fuel|tunnel)(l?)(ing|ed|er|ers)$/;

/** One word in both British and American spellings (itself included). */
export function spellingVariants(word: string): string[] {
  const out = new Set([word]);
  const ize = IZE.exec(word);
  if (ize) {
    const other = ize[2] === 'z' ? 's' : 'z';
    out.add(word.slice(0, ize.index) + ize[1] + other + ize[3]);
  }
  for (const w of [...out]) {
    const our = OUR.exec(w);
    if (our) out.add(w.slice(0, our.index) + our[1] + (our[2] ? '' : 'u') + 'r' + (our[3] ?? ''));
  }
  for (const w of [...out]) {
    const dl = DOUBLE_L.exec(w);
    if (dl) out.add(w.slice(0, dl.index) + dl[1] + (dl[2] ? '' : 'l') + dl[3]);
  }
  return [...out];
}

/** The American spelling of one word (optimiser -> optimizer, behaviour -> behavior). */
export function americanSpelling(word: string): string {
  let w = word;
  const ize = IZE.exec(w);
  if (ize && ize[2] === 's') w = w.slice(0, ize.index) + ize[1] + 'z' + ize[3];
  const our = OUR.exec(w);
  if (our && our[2]) w = w.slice(0, our.index) + our[1] + 'r' + (our[3] ?? '');
  const dl = DOUBLE_L.exec(w);
  if (dl && dl[2]) w = w.slice(0, dl.index) + dl[1] + dl[3];
  return w;
}

/** The plural of an English word (or of an acronym: RLHF -> RLHFs). */
export function pluralOf(word: string): string | null {
  if (/[A-Z]$/.test(word)) return word + 's';
  const lower = word.toLowerCase();
  if (/sis$/.test(lower)) return word.slice(0, -2) + 'es';
  if (/(ss|x|z|ch|sh)$/.test(lower)) return word + 'es';
  if (/s$/.test(lower)) return null; // already plural, or a mass noun like "superposition-ness"
  if (/[^aeiou]y$/.test(lower)) return word.slice(0, -1) + 'ies';
  if (/'[a-z]$/.test(lower) || /\d$/.test(lower)) return null;
  return word + 's';
}

/** Alternate separators: for forms with 1 to 3 hyphens or spaces, every mix; joined for one hyphen. */
function separatorVariants(form: string): string[] {
  const parts = form.split(/[\s-]+/);
  const seps = form.match(/[\s-]+/g)?.map((s) => (s.includes('-') ? '-' : ' ')) ?? [];
  if (seps.length === 0) return [form];
  const out = new Set<string>([form]);
  if (seps.length <= 3) {
    for (let mask = 0; mask < 1 << seps.length; mask++) {
      let s = parts[0]!;
      for (let i = 0; i < seps.length; i++) s += (mask & (1 << i) ? '-' : ' ') + parts[i + 1]!;
      out.add(s);
    }
  }
  if (seps.length === 1 && seps[0] === '-') out.add(parts.join(''));
  // A typeset line may end at any one hyphen, which the matcher then drops (char-rules.ts):
  // "chain-of-" / "thought" reads "chain-ofthought", "output-" / "value circuit" "outputvalue circuit".
  const hyphens = seps.flatMap((sep, i) => (sep === '-' ? [i] : []));
  if (seps.length >= 2) {
    for (const at of hyphens) {
      let s = parts[0]!;
      for (let i = 0; i < seps.length; i++) s += (i === at ? '' : seps[i]) + parts[i + 1]!;
      out.add(s);
    }
  }
  return [...out];
}

/**
 * Every variant of a glossary form. Case is preserved here; the compiler decides whether to
 * lower-case (phrases) or keep case (acronyms).
 */
export function formVariants(form: string): string[] {
  const base = foldChars(form.trim()).replace(/\s+/g, ' ');
  const out = new Set<string>();
  for (const sepForm of separatorVariants(base)) {
    // Spelling variants apply to each word independently; the product stays small because
    // few words in one form have an alternative spelling.
    let acc = [''];
    const tokens = sepForm.split(/([\s-])/);
    for (const t of tokens) {
      const alts = /^[\s-]$/.test(t) || t === '' ? [t] : spellingVariants(t);
      acc = acc.flatMap((prefix) => alts.map((a) => prefix + a));
    }
    for (const v of acc) {
      out.add(v);
      const m = /([^\s-]+)$/.exec(v);
      const plural = m && !isCaseSensitiveForm(v) ? pluralOf(m[1]!) : null;
      if (plural) out.add(v.slice(0, m!.index) + plural);
      else if (m && isCaseSensitiveForm(v) && /[A-Z]$/.test(v)) out.add(v + 's');
    }
  }
  return [...out];
}
