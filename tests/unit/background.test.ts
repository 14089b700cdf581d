import { describe, expect, it } from 'vitest';
import { glossaryDir, loadGlossary } from '../../glossary/load';
import { toDisplayEntries } from '../../glossary/display';
import { exactEntry } from '../../background/lookup';
import { withSite } from '../../background/toggle-site';

const entries = toDisplayEntries(loadGlossary(glossaryDir()).entries);

describe('exactEntry (context menu look-up)', () => {
  it.each([
    ['mesa-optimizer', 'mesa-optimizer'],
    ['  Mesa Optimisers ', null], // plural is a search, not an exact name
    ['Goodhart’s law', 'goodharts-law'],
    ['RLHF', 'rlhf'],
    ['reward hacking', 'reward-hacking'],
  ])('%s -> %s', (sel, id) => {
    expect(exactEntry(entries, sel)?.id ?? null).toBe(id);
  });
  it('does not guess', () => {
    expect(exactEntry(entries, 'mesa')).toBeNull();
    expect(exactEntry(entries, '')).toBeNull();
  });
});

describe('withSite', () => {
  it('lists a site to turn it off in blocklist mode, and unlists it to turn it on', () => {
    expect(withSite({ siteMode: 'blocklist', sites: ['a.com'] }, 'b.com', false)).toEqual(['a.com', 'b.com']);
    expect(withSite({ siteMode: 'blocklist', sites: ['a.com', 'b.com'] }, 'b.com', true)).toEqual(['a.com']);
  });
  it('does the opposite in allowlist mode', () => {
    expect(withSite({ siteMode: 'allowlist', sites: [] }, 'b.com', true)).toEqual(['b.com']);
    expect(withSite({ siteMode: 'allowlist', sites: ['b.com'] }, 'b.com', false)).toEqual([]);
  });
  it('changes nothing when the site is already as asked', () => {
    const sites = ['a.com'];
    expect(withSite({ siteMode: 'blocklist', sites }, 'a.com', false)).toBe(sites);
  });
});
