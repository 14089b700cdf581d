import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMini, type MiniEntry } from './helpers';
import { pageTermsIn, type KnownDefinition } from '../../matching/page-terms';
import { findDefinitions } from '../../matching/page-definitions';
import { PAGE_BASE } from '../../matching/page-entry';
import { matchTexts } from '../../matching/match-texts';

const G: MiniEntry[] = [
  { id: 'rlhf', term: 'reinforcement learning from human feedback', aliases: ['RLHF'] },
  { id: 'goal-misgeneralization', term: 'goal misgeneralization' },
  { id: 'sycophancy', term: 'sycophancy' },
  { id: 'fine-tuning', term: 'fine-tuning' },
];
const m = compileMini(G);

/** The uses in `text` as [surface, id], ids of page terms by their definitions. */
function uses(text: string, known: KnownDefinition[] = []) {
  const r = pageTermsIn(m, text, known, PAGE_BASE);
  const all = [...known, ...r.defs];
  const idOf = (i: number) => r.defs.find((d) => d.i === i)?.id ?? (i < PAGE_BASE ? m.ids[i] : `known:${i}`);
  return { r, list: r.uses.map((u) => [text.slice(u.start, u.end), idOf(u.terminal / 2)]), all };
}

describe('page terms', () => {
  it('finds later uses of an acronym and its long form, not the definition itself', () => {
    const { list, r } = uses(
      'We introduce Critique-Conditioned Fine-Tuning (CCFT). CCFT helps; CCFTs and CCFT’s runs too. critique-conditioned fine-tuning again.',
    );
    expect(r.defs.map((d) => [d.id, d.term, d.acronym])).toEqual([
      ['page:critique-conditioned-fine-tuning', 'Critique-Conditioned Fine-Tuning', 'CCFT'],
    ]);
    expect(list).toEqual([
      ['CCFT', 'page:critique-conditioned-fine-tuning'],
      ['CCFTs', 'page:critique-conditioned-fine-tuning'],
      ['CCFT', 'page:critique-conditioned-fine-tuning'],
      ['critique-conditioned fine-tuning', 'page:critique-conditioned-fine-tuning'],
    ]);
  });

  it('gives each use the nearest definition before it, and none before the first', () => {
    const text =
      'PD is used early. We measure Probe Drift (PD) first; PD is small. Later, Policy Distillation (PD) compresses; after PD it is small.';
    expect(uses(text).list).toEqual([
      ['PD', 'page:probe-drift'],
      ['PD', 'page:policy-distillation'],
    ]);
  });

  it('maps the acronym of a glossary term to the glossary entry, and notes how the page defines a glossary term', () => {
    const { list, r } = uses(
      'It is called goal misgeneralization (GMG). GMG is common. We define sycophancy as agreeing whatever the evidence.',
    );
    expect(list).toEqual([['GMG', 'goal-misgeneralization']]);
    expect(r.defs.map((d) => [d.id, d.glossary])).toEqual([['goal-misgeneralization', true]]);
    expect(Object.keys(r.notes)).toEqual([String(m.ids.indexOf('sycophancy'))]);
    // RLHF is the glossary's own acronym: nothing new.
    expect(uses('reinforcement learning from human feedback (RLHF) and RLHF').r.defs).toEqual([]);
  });

  it('a page term wins over the glossary term inside it', () => {
    const text = 'We use Critique-Conditioned Fine-Tuning (CCFT). Critique-Conditioned Fine-Tuning beats fine-tuning.';
    const r = matchTexts(m, [text], { defs: [], nextPage: PAGE_BASE });
    const found = [];
    for (let j = 0; j < r.matches.length; j += 4) found.push(text.slice(r.matches[j + 1]!, r.matches[j + 2]!));
    // Inside the definition the glossary's term keeps its card; the later use is the page's.
    expect(found).toEqual(['Fine-Tuning', 'Critique-Conditioned Fine-Tuning', 'fine-tuning']);
    expect(r.names[PAGE_BASE]).toEqual(['page:critique-conditioned-fine-tuning', 'Critique-Conditioned Fine-Tuning']);
  });

  it('knows a definition read again (a block matched alone) and uses definitions from earlier texts', () => {
    const first = pageTermsIn(m, 'We call this phenomenon reward laundering, and it hurts.', [], PAGE_BASE);
    const known = first.defs;
    const again = pageTermsIn(m, 'We call this phenomenon reward laundering, and it hurts. Reward laundering again.', known, PAGE_BASE + 1);
    expect(again.defs).toEqual([]);
    expect(again.uses).toHaveLength(1);
    expect(pageTermsIn(m, 'Later: reward laundering.', known, PAGE_BASE + 1).uses).toHaveLength(1);
  });
});

describe('precision on pages full of brackets and numbers', () => {
  const bracketed = fc.oneof(
    fc.integer({ min: 1, max: 2030 }).map((n) => `(${n})`),
    fc.integer({ min: 1, max: 99 }).map((n) => `(see Section ${n})`),
    fc.integer({ min: 1, max: 9 }).map((n) => `(Figure ${n})`),
    fc.integer({ min: 1, max: 9 }).map((n) => `(p < 0.0${n})`),
    fc.integer({ min: 1, max: 60 }).map((n) => `[${n}]`),
    fc.constantFrom(
      '(Smith et al., 2021)',
      '(ibid.)',
      '(i.e. twice)',
      '(n = 40)',
      '(Table S1)',
      '(Eq. 4)',
      '(CI 95%)',
      '(NaCl)',
      '(H2O)',
      '(CO2)',
      '(DMSO)',
      '(EtOH)',
      '(II)',
      '(US)',
    ),
  );
  const word = fc.constantFrom(
    'the',
    'samples',
    'were',
    'dissolved',
    'in',
    'water',
    'sodium',
    'chloride',
    'dimethyl',
    'sulfoxide',
    'and',
    'results',
    'of',
    'analysis',
    'mean',
    'values',
    'Table',
    'Section',
    'were',
    'reported',
  );
  const page = fc.array(fc.oneof(word, word, bracketed), { minLength: 5, maxLength: 120 }).map((ws) => ws.join(' ') + '.');

  it('finds no definition in random scientific prose without one', () => {
    fc.assert(
      fc.property(page, (text) => {
        expect(findDefinitions(text).filter((d) => !d.weak)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
