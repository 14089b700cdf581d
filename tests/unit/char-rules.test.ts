/**
 * One set of character rules: however a form is typeset (curly or prime apostrophes, Unicode
 * hyphens and minus signs, NBSP and thin spaces, soft hyphens, a line end inside a phrase or a
 * hyphenated word), the runtime matcher finds it, the popup search folds it to the same query,
 * and the loader's duplicate key is the same: the build, the page and the popup agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { glossaryDir, loadGlossary } from '../../glossary/load';
import { continuesAfterBreak, formReading, readingOf } from '../../matching/char-rules';
import { compileMatcher } from '../../matching/compile';
import { terminalEntry } from '../../matching/compiled';
import { findMatches } from '../../matching/find-matches';
import { formKey } from '../../matching/normalize';
import { foldForSearch } from '../../search/glossary-search';

const entries = loadGlossary(glossaryDir()).entries;
const matcher = compileMatcher(entries);
// Forms matched as phrases (acronyms are case-exact single words, tested elsewhere).
const forms = entries.flatMap((e, index) =>
  [e.term, ...e.aliases].filter((f) => /^[\p{L}\p{N} '’-]+$/u.test(f) && !/[A-Z]/.test(f.slice(1))).map((form) => ({ form, index })),
);

const APOSTROPHES = ["'", '’', 'ʼ', '′'];
const HYPHENS = ['-', '‐', '‑', '‒', '–', '−'];
const SPACES = [' ', '\u00a0', '\u2009', '\u202f', '\n', ' \n  '];

/** The form typeset: each apostrophe, hyphen and space drawn from its look-alikes, words broken. */
const typeset = (form: string) =>
  fc.array(fc.nat(), { minLength: form.length, maxLength: form.length }).map((picks) => {
    let out = '';
    // Lines are longer than a few letters: a line-end hyphen comes at most once in 16 characters.
    const lineEndFits = () => !out.slice(-16).includes('-\n');
    for (let i = 0; i < form.length; i++) {
      const c = form[i]!;
      const r = picks[i]!;
      if (c === "'" || c === '’') out += APOSTROPHES[r % APOSTROPHES.length];
      else if (c === '-') out += r % 5 === 0 && lineEndFits() ? '-\n' : HYPHENS[r % HYPHENS.length];
      else if (c === ' ') out += SPACES[r % SPACES.length];
      else {
        out += c;
        // Inside a word: now and then a soft hyphen, or a typeset line break with a hyphen.
        const next = form[i + 1];
        if (next && /\p{L}/u.test(c) && /\p{L}/u.test(next) && r % 11 === 0) out += r % 2 || !lineEndFits() ? '\u00ad' : '-\n';
      }
    }
    return out;
  });

describe('character rules', () => {
  it('the matcher finds every typeset form whole, and search and the loader fold it as its plain form', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...forms).chain(({ form, index }) => typeset(form).map((t) => ({ form, index, t }))),
        ({ form, index, t }) => {
          const text = `We read ${t} here.`;
          const ms = findMatches(matcher, text);
          const whole = ms.find((m) => m.start === 8 && m.end === 8 + t.length);
          // The form may belong to an entry that shares it through a variant; it must be whole.
          expect(whole, `${JSON.stringify(t)} (${form}) in ${JSON.stringify(ms)}`).toBeDefined();
          expect(matcher.ids[terminalEntry(whole!.terminal)]).toBe(entries[index]!.id);
          // A hyphen a line end dropped joins its words ("mesa-" / "optimizer" reads mesaoptimizer).
          const squeeze = (s: string) => (/-\n/.test(t) ? s.replace(/ /g, '') : s);
          expect(squeeze(foldForSearch(t))).toBe(squeeze(foldForSearch(form)));
          if (!/-\n/.test(t)) expect(formKey(t)).toBe(formKey(form));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('a soft hyphen or a line-end hyphen inside a word is invisible; a hyphen before a word is not', () => {
    expect(continuesAfterBreak('mis\u00adgeneral', 3, 11)).toBe(4);
    expect(continuesAfterBreak('mis-\ngeneral', 3, 12)).toBe(5);
    expect(continuesAfterBreak('mis- \r\n  general', 3, 16)).toBe(9);
    expect(continuesAfterBreak('mesa-optimizer', 4, 14)).toBe(-1);
    expect(continuesAfterBreak('end -\n\nnext', 4, 11)).toBe(-1);
    expect(continuesAfterBreak('end-\f next', 3, 10)).toBe(-1);
    expect(readingOf('goal mis\u2010\ngeneralization')).toBe('goal misgeneralization');
    expect(readingOf('inter\u00adpretability')).toBe('interpretability');
    expect(readingOf('Goodhart\u2032s\u00a0law')).toBe("Goodhart's law");
    expect(formReading('mesa-\noptimizers', 'mesa-optimizer')).toBe('mesa-optimizers');
    expect(formReading('goal mis-\ngeneralization', 'goal misgeneralization')).toBe('goal misgeneralization');
    expect(formReading('chain-of-\nthought', 'chain-of-thought')).toBe('chain-of-thought');
  });

  it('search folds what the matcher folds', () => {
    expect(foldForSearch('mesa−optimiser')).toBe(foldForSearch('mesa-optimizer'));
    expect(foldForSearch('Goodhart′s law')).toBe(foldForSearch("Goodhart's law"));
    expect(foldForSearch('inter\u00adpretability')).toBe('interpretability');
    expect(foldForSearch('p(doom)')).toBe('p(doom)');
  });
});
