import { describe, expect, it } from 'vitest';
import {
  acronymLetters,
  findDefinitions,
  MARK_DFN,
  MARK_DT,
  MARK_EMPHASIS,
  MARK_HEADING,
  spellsInitials,
  type MarkedPart,
} from '../../matching/page-definitions';

const found = (text: string, marks: MarkedPart[] = []) =>
  findDefinitions(text, marks)
    .filter((d) => !d.weak)
    .map((d) => (d.acronym ? `${d.acronym}=${d.term}` : d.term));

/** Text and marks from parts: [text, mark?] pairs, joined as a snapshot joins text nodes. */
function marked(...parts: [string, number?][]): [string, MarkedPart[]] {
  let text = '';
  const marks: MarkedPart[] = [];
  for (const [t, mark] of parts) {
    if (mark) marks.push({ start: text.length, end: text.length + t.length, mark });
    text += t;
  }
  return [text, marks];
}

describe('acronyms', () => {
  it('reads the letters of an acronym, its plural too, and nothing that is no acronym', () => {
    expect(acronymLetters('CCFT')).toBe('ccft');
    expect(acronymLetters('LLMs')).toBe('llm');
    expect(acronymLetters('MoE')).toBe('moe');
    expect(acronymLetters('GPT-4')).toBe('gpt');
    for (const t of ['2023', 'Smith', 'a', 'p', 'Fig', 'ABCDEFGHIJKL']) expect(acronymLetters(t)).toBeNull();
  });

  it('spells initials with small words and hyphenated parts', () => {
    expect(spellsInitials(['Critique-Conditioned', 'Fine-Tuning'], 'ccft')).toBe(true);
    expect(spellsInitials(['reinforcement', 'learning', 'from', 'human', 'feedback'], 'rlhf')).toBe(true);
    expect(spellsInitials(['Mixture-of-Experts'], 'moe')).toBe(true);
    expect(spellsInitials(['state-of-the-art'], 'sota')).toBe(true);
    expect(spellsInitials(['goal', 'misgeneralization'], 'gmg')).toBe(true);
    expect(spellsInitials(['sodium', 'chloride'], 'nacl')).toBe(false);
    expect(spellsInitials(['remarkable', 'outcome'], 'rmo')).toBe(false);
    // Found by the property test below: "(1) chloride of the (CO2)".
    expect(spellsInitials(['chloride', 'of', 'the'], 'co')).toBe(false);
    expect(spellsInitials(['chloride', 'of'], 'co')).toBe(false);
    expect(spellsInitials(['of', 'mice'], 'om')).toBe(false);
  });

  it('finds "Long Form (LF)" and "LF (Long Form)", with the shortest long form that spells it', () => {
    expect(found('We train with Critique-Conditioned Fine-Tuning (CCFT) on each task.')).toEqual(['CCFT=Critique-Conditioned Fine-Tuning']);
    expect(found('Models trained with reinforcement learning from human feedback (RLHF) agree more.')).toEqual([
      'RLHF=reinforcement learning from human feedback',
    ]);
    expect(found('We use RLHF (reinforcement learning from human feedback) throughout.')).toEqual([
      'RLHF=reinforcement learning from human feedback',
    ]);
    expect(found('the so-called “Probe Drift Index” (PDI) rises.')).toEqual(['PDI=Probe Drift Index']);
    expect(found('Large language models (LLMs) do this.')).toEqual(['LLMs=Large language models']);
  });

  it('takes no bracketed citation, number, figure, section or statistic for a definition', () => {
    const text =
      'As shown before (see Section 3), the effect holds (Figure 2) and is significant (p < 0.05). ' +
      'It was reported in 2023 (2023) and later [12] (Smith et al., 2021) (ibid.) (i.e. twice) (NB) (n = 40) ' +
      'with sodium chloride (NaCl), dimethyl sulfoxide (DMSO) and heat (HT) in the study (ST) at pH 7 (PH7). ' +
      'Results (Table S1) and methods (Appendix B) (Eq. 4) (CI 95%) (OR 1.2) (US) (UK).';
    expect(found(text)).toEqual([]);
  });

  it('reads nested brackets without taking their inner parts', () => {
    expect(found('We call on Goal Misgeneralization Tests (GMT (see below)) here.')).toEqual([]);
    expect(found('A Probe Drift Score (PDS) (see Section 2) is used.')).toEqual(['PDS=Probe Drift Score']);
  });
});

describe('defined terms', () => {
  it('finds the explicit patterns', () => {
    expect(found('In this paper we define reward laundering as the passing of a reward through a proxy.')).toEqual(['reward laundering']);
    expect(found('We call this phenomenon gradient collusion, and it is rare.')).toEqual(['gradient collusion']);
    expect(found('Text here. Probe drift refers to the change of a probe over training.')).toEqual(['Probe drift']);
    expect(found('Definition 3 (Probe drift). A probe drifts when its accuracy falls.')).toEqual(['Probe drift']);
    expect(found('the “shadow objective”, i.e., the goal a model pursues off-distribution.')).toEqual(['shadow objective']);
    expect(found('(f) “Frontier developer” means a person who has trained a frontier model.')).toEqual(['Frontier developer']);
    expect(found('By “direction” we mean a linear combination of neurons in a layer.')).toEqual(['direction']);
    expect(found('Notes. Reward gap is defined as the difference between the two rewards.')).toEqual(['Reward gap']);
  });

  it('does not mark a common word without a strong pattern', () => {
    expect(found('We call this the model. We define the loss as the sum. We call it reward. We define the yield as the mass.')).toEqual([]);
    // A plain word from such a pattern is only offered as weak (kept where the glossary knows it).
    expect(findDefinitions('We define sycophancy as agreeing with the user.').map((d) => [d.term, d.weak])).toEqual([['sycophancy', true]]);
    expect(found('This refers to the earlier section. It refers to nothing.')).toEqual([]);
  });

  it('reads <dfn>, <dt>, an emphasised term then "is", and a glossary list', () => {
    const [a, am] = marked(['A '], ['probe', MARK_DFN], [' is a classifier on activations.']);
    expect(found(a, am)).toEqual(['probe']);
    const [b, bm] = marked(
      ['Terms', MARK_HEADING],
      ['Reward laundering', MARK_DT],
      ['Passing a reward through a proxy.'],
      ['Shadow goal', MARK_DT],
      ['What a model pursues off-distribution.'],
    );
    expect(found(b, bm)).toEqual(['Reward laundering', 'Shadow goal']);
    const [c, cm] = marked(['Earlier text. '], ['Gradient collusion', MARK_EMPHASIS], [' is when two heads cooperate.']);
    expect(found(c, cm)).toEqual(['Gradient collusion']);
    const [d, dm] = marked(['Mid-sentence the '], ['model', MARK_EMPHASIS], [' is trained.']);
    expect(found(d, dm)).toEqual([]);
    const [e, em] = marked(
      ['Glossary', MARK_HEADING],
      ['Probe drift: the change of a probe over training.\nShadow goal: what a model pursues off-distribution.'],
    );
    expect(found(e, em)).toEqual(['Probe drift', 'Shadow goal']);
  });
});
