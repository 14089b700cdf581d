import { describe, expect, it } from 'vitest';
import { glossaryDir, loadGlossary } from '../../glossary/load';
import { GlossarySearch, foldForSearch } from '../../search/glossary-search';

const { entries } = loadGlossary(glossaryDir());
const search = new GlossarySearch(entries);
const top = (q: string) => entries[search.search(q)[0]?.index ?? -1]?.id;

describe('glossary search', () => {
  it.each([
    ['mesa optimiser', 'mesa-optimizer'],
    ['goodheart', 'goodharts-law'],
    ['rlhf', 'rlhf'],
    ['RLHF', 'rlhf'],
    ['treacherus turn', 'treacherous-turn'],
    ['inner alignment', 'inner-alignment'],
    ['goal misgeneralisation', 'goal-misgeneralization'],
    ['corrigable', 'corrigibility'],
    ['reward hacking', 'reward-hacking'],
  ])('%s puts %s first', (q, id) => {
    expect(top(q)).toBe(id);
  });

  it('finds nothing for nonsense', () => {
    expect(search.search('zzqxv')).toEqual([]);
    expect(search.search('   ')).toEqual([]);
  });

  it('folds case, hyphens and British spellings', () => {
    expect(foldForSearch('Mesa-Optimiser')).toBe(foldForSearch('mesa optimizer'));
    expect(foldForSearch("Goodhart's Law")).toBe('goodhart law');
  });
});
