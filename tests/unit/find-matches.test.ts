import { describe, expect, it } from 'vitest';
import { matchPairs, type MiniEntry } from './helpers';
import { hashString } from '../../matching/token-hash';

const G: MiniEntry[] = [
  { id: 'inner-alignment', term: 'inner alignment', aliases: ['inner misalignment'] },
  { id: 'mesa-optimizer', term: 'mesa-optimizer', aliases: ['mesa-optimiser'] },
  { id: 'reward-model', term: 'reward model', aliases: ['reward modeling'] },
  { id: 'rrm', term: 'recursive reward modeling' },
  { id: 'overopt', term: 'reward model overoptimization' },
  { id: 'elk', term: 'eliciting latent knowledge', aliases: ['ELK'] },
  { id: 'goodhart', term: "Goodhart's law" },
  { id: 'rlhf', term: 'reinforcement learning from human feedback', aliases: ['RLHF'] },
  { id: 'debate', term: 'AI safety via debate', gatedAliases: ['debate'] },
  { id: 'goal-misgen', term: 'goal misgeneralization' },
  { id: 'behavioral', term: 'behavioral objective' },
  { id: 'sycophancy', term: 'sycophancy', ambiguity: 'high' },
  { id: 'policy', term: 'policy' },
  { id: 'goodhart-person', term: 'Goodhart' },
  { id: 'sharp-left-turn', term: 'the sharp left turn' },
  { id: 'cae', term: 'Claims-Arguments-Evidence', aliases: ['Claims, Arguments, Evidence'] },
];

const find = (text: string) => matchPairs(G, text);

describe('findMatches', () => {
  it('finds a phrase in any case', () => {
    expect(find('Inner Alignment is hard; so is INNER ALIGNMENT.')).toEqual([
      ['Inner Alignment', 'inner-alignment'],
      ['INNER ALIGNMENT', 'inner-alignment'],
    ]);
  });

  it('prefers the longest match where terms overlap', () => {
    expect(find('We use recursive reward modeling here.')).toEqual([['recursive reward modeling', 'rrm']]);
    expect(find('Reward model overoptimization hurts.')).toEqual([['Reward model overoptimization', 'overopt']]);
    expect(find('A reward model is trained.')).toEqual([['reward model', 'reward-model']]);
  });

  it('does not match a term inside a longer word', () => {
    expect(find('Policymakers and repolicy and policyholder')).toEqual([]);
    expect(find('The superinner alignment')).toEqual([]);
  });

  it('treats hyphens as part of a word', () => {
    // "policy-gradient" is one word, not the glossary's "policy".
    expect(find('a policy-gradient method')).toEqual([]);
    expect(find('a non-policy thing')).toEqual([]);
  });

  it('matches acronyms only in their own case', () => {
    expect(find('ELK is open. An elk walked by. Elk too.')).toEqual([['ELK', 'elk']]);
    expect(find('RLHF and rlhf')).toEqual([['RLHF', 'rlhf']]);
  });

  it('accepts plurals and possessives', () => {
    expect(find('Mesa-optimizers are hypothetical.')).toEqual([['Mesa-optimizers', 'mesa-optimizer']]);
    expect(find("the mesa-optimizer's objective")).toEqual([['mesa-optimizer', 'mesa-optimizer']]);
    expect(find("RLHF's limits; several RLHFs")).toEqual([
      ['RLHF', 'rlhf'],
      ['RLHFs', 'rlhf'],
    ]);
    expect(find('reward models and reward modelling')).toEqual([
      ['reward models', 'reward-model'],
      ['reward modelling', 'reward-model'],
    ]);
  });

  it('reads a term before a compound tail such as -based, and nothing else after a hyphen', () => {
    expect(find('RLHF-based tuning, an inner-alignment-driven view, mesa-optimizer-like parts')).toEqual([
      ['RLHF', 'rlhf'],
      ['inner-alignment', 'inner-alignment'],
      ['mesa-optimizer', 'mesa-optimizer'],
    ]);
    expect(find('Reward model-based training and a Goodhart-inspired view')).toEqual([
      ['Reward model', 'reward-model'],
      ['Goodhart', 'goodhart-person'],
    ]);
    // Not a tail: the hyphenated word stays one word.
    expect(find('a policy-gradient method, RLHF-ish, sycophancy-basedness')).toEqual([]);
  });

  it('finds a form written with commas only with its commas', () => {
    expect(find('in Claims, Arguments, Evidence notation and Claims-Arguments-Evidence')).toEqual([
      ['Claims, Arguments, Evidence', 'cae'],
      ['Claims-Arguments-Evidence', 'cae'],
    ]);
    // A comma between the words of a form without one ends the phrase.
    expect(find('the reward, model and inner, alignment; claims, arguments evidence')).toEqual([]);
  });

  it('accepts hyphen, space and joined variants', () => {
    expect(find('mesa optimizer, mesa-optimizer, mesaoptimizer')).toEqual([
      ['mesa optimizer', 'mesa-optimizer'],
      ['mesa-optimizer', 'mesa-optimizer'],
      ['mesaoptimizer', 'mesa-optimizer'],
    ]);
    expect(find('goal-misgeneralization and inner-alignment')).toEqual([
      ['goal-misgeneralization', 'goal-misgen'],
      ['inner-alignment', 'inner-alignment'],
    ]);
  });

  it('accepts British and American spellings', () => {
    expect(find('goal misgeneralisation; mesa-optimisers; behavioural objective')).toEqual([
      ['goal misgeneralisation', 'goal-misgen'],
      ['mesa-optimisers', 'mesa-optimizer'],
      ['behavioural objective', 'behavioral'],
    ]);
  });

  it('normalises curly quotes and Unicode dashes', () => {
    expect(find('Goodhart’s law and mesa‑optimizer and mesa\u2010optimizer')).toEqual([
      ['Goodhart’s law', 'goodhart'],
      ['mesa‑optimizer', 'mesa-optimizer'],
      ['mesa\u2010optimizer', 'mesa-optimizer'],
    ]);
  });

  it('lets a phrase run across any whitespace but not across punctuation', () => {
    expect(find('inner\n  alignment')).toEqual([['inner\n  alignment', 'inner-alignment']]);
    expect(find('inner\u00a0alignment')).toEqual([['inner\u00a0alignment', 'inner-alignment']]);
    expect(find('inner. Alignment')).toEqual([]);
  });

  it('marks gated forms and every form of a high-ambiguity entry', () => {
    expect(find('In a debate, AI safety via debate; sycophancy')).toEqual([
      ['debate', 'debate?'],
      ['AI safety via debate', 'debate'],
      ['sycophancy', 'sycophancy?'],
    ]);
  });

  it('reports AI keywords separately from entries', () => {
    expect(find('AI systems trained by machine learning')).toEqual([
      ['AI', '#keyword'],
      ['machine learning', '#keyword'],
    ]);
  });

  it('finds a phrase whose first word is common and no form of its own', () => {
    // "the" only begins a phrase: words after it decide whether a phrase is tried at all.
    expect(find('the model, the sharp left turn, the sharp edge, then the sharp left turn.')).toEqual([
      ['the sharp left turn', 'sharp-left-turn'],
      ['the sharp left turn', 'sharp-left-turn'],
    ]);
  });

  it('prefers a phrase over its possessive first word that is a form of its own', () => {
    expect(find("Goodhart's law, and Goodhart's paper, and Goodhart.")).toEqual([
      ["Goodhart's law", 'goodhart'],
      ['Goodhart', 'goodhart-person'],
      ['Goodhart', 'goodhart-person'],
    ]);
  });

  it("keeps a possessive form's own match when the next word is also possessive", () => {
    expect(find("Goodhart's Goodhart's critics' view")).toEqual([
      ['Goodhart', 'goodhart-person'],
      ['Goodhart', 'goodhart-person'],
    ]);
  });

  it('keeps offsets exact when lower-casing changes length', () => {
    const text = 'İstanbul talk on inner alignment';
    const [hit] = find(text);
    expect(hit).toEqual(['inner alignment', 'inner-alignment']);
  });
});

describe('americanSpelling', async () => {
  const { americanSpelling } = await import('../../matching/variants');
  it.each([
    ['optimiser', 'optimizer'],
    ['misgeneralisation', 'misgeneralization'],
    ['behaviour', 'behavior'],
    ['behavioural', 'behavioral'],
    ['modelling', 'modeling'],
    ['analyse', 'analyze'],
    ['optimizer', 'optimizer'],
    ['house', 'house'],
  ])('%s -> %s', (w, a) => expect(americanSpelling(w)).toBe(a));
});

describe('token hash collisions', () => {
  // Two different words with the same 32-bit token hash (found by a brute-force search).
  const collidingPair = (): [string, string] => ['kvsdatov', 'arohqhqj'];

  it('never reports a word that only shares a hash with a glossary form', () => {
    const [form, impostor] = collidingPair();
    expect(hashString(form)).toBe(hashString(impostor));
    const entries = [
      { id: 'x', term: form },
      { id: 'y', term: `${form} theory` },
    ];
    expect(matchPairs(entries, `the ${form} and the ${form} theory`)).toEqual([
      [form, 'x'],
      [`${form} theory`, 'y'],
    ]);
    expect(matchPairs(entries, `the ${impostor} and the ${impostor} theory`)).toEqual([]);
  });
});
