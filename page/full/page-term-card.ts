/**
 * The card data of a term the page defines itself, made here from its definition: the glossary
 * has no entry for it, so nothing is asked of the background. Cost: one small object per term.
 * Must never: present the page's words as the glossary's (the card says "Defined on this page").
 */
import type { CardEntry } from '../../glossary/display-types';
import type { DefinedTerm } from '../shared/defined-here';

export function pageTermCard(index: number, own: DefinedTerm): CardEntry {
  return {
    index,
    id: own.id,
    term: own.term,
    category: 'page',
    gist: own.sentence,
    definition: own.sentence,
    related: [],
    contrasts: [],
    source: null,
    reviewed: '',
    page: { sentence: own.sentence, ...(own.acronym ? { acronym: own.acronym } : {}) },
  };
}
