/**
 * Derived forms: the verb, adjective and adverb shapes readers write a term in, and none that
 * would turn an ordinary phrase into a term.
 */
import { describe, expect, it } from 'vitest';
import { derivedForms } from '../../matching/derived-forms';

describe('derived forms', () => {
  it.each([
    ['power-seeking', ['seeking power', 'seeks power']],
    ['instrumental convergence', ['instrumentally convergent', 'convergently instrumental']],
    ['deceptive alignment', ['deceptively aligned']],
    ['recursive self-improvement', ['recursively self-improved']],
    ['corrigibility', ['corrigible', 'corrigibly']],
    ['corrigible', ['corrigibly']],
    ['misgeneralization', ['misgeneralize', 'misgeneralizes', 'misgeneralized', 'misgeneralizing']],
    ['over-optimisation', ['over-optimise', 'over-optimises', 'over-optimised', 'over-optimising']],
    ['algorithmic probability', ['algorithmically probable']],
  ])('%s', (form, derived) => {
    expect(derivedForms(form).sort()).toEqual([...derived].sort());
  });

  it.each([
    // Only verbs of pursuit put their object after them: "loading value" is no value-loading.
    'value-loading',
    'fine-tuning',
    'red-teaming',
    // "goal" and "intent" end like adjectives but are nouns.
    'goal misgeneralization',
    'intent alignment',
    // Acronyms, and phrases of three words, are left as they are.
    'RLHF',
    'GPT-4',
    'reward model overoptimization',
    'alignment',
  ])('%s derives nothing', (form) => {
    expect(derivedForms(form)).toEqual([]);
  });
});
