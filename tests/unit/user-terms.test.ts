/**
 * The reader's own terms: checked before they are kept (no glossary form taken, no duplicate, a
 * definition, a web link), then matched like the glossary's, plurals and acronyms included, and
 * merged into the glossary's matches with the longer match winning.
 */
import { describe, expect, it } from 'vitest';
import { compileMini } from './helpers';
import { matchTexts } from '../../matching/match-texts';
import { matchSnapshot, snapshotTexts } from '../../matching/match-snapshot';
import { compileUserTerms, withUserMatches } from '../../matching/user-matches';
import { USER_BASE } from '../../matching/page-entry';
import { terminalEntry } from '../../matching/compiled';
import { bundledForms, checkUserTerm, sanitizeMyGlossary, userTermId } from '../../settings/my-glossary';

const glossary = compileMini([
  { id: 'reward-hacking', term: 'reward hacking' },
  { id: 'rlhf', term: 'reinforcement learning from human feedback', aliases: ['RLHF'] },
]);
const bundled = bundledForms([
  { term: 'reward hacking', aliases: [], gatedAliases: [] },
  { term: 'reinforcement learning from human feedback', aliases: ['RLHF'], gatedAliases: [] },
]);
const user = compileUserTerms([
  { id: userTermId('probe drift'), term: 'probe drift', aliases: ['PD'] },
  { id: userTermId('reward hacking detector'), term: 'reward hacking detector' },
]);

/** Per text, [text, entry id] of each match, in order. */
function found(reply: { matches: number[]; names: Record<number, [string, string]> }, texts: string[]) {
  const out: [string, string][] = [];
  for (let q = 0; q < reply.matches.length; q += 4) {
    const [k, start, end, terminal] = reply.matches.slice(q, q + 4) as [number, number, number, number];
    out.push([texts[k]!.slice(start, end), reply.names[terminalEntry(terminal)]![0]]);
  }
  return out;
}

describe("the reader's own terms", () => {
  it('are found like glossary terms: plurals, case, acronyms; the longer of two overlapping matches wins', () => {
    const texts = ['Probe drifts were measured; PD grew.', 'A reward hacking detector flags reward hacking.', 'Nothing here.'];
    const reply = withUserMatches(matchTexts(glossary, texts), texts, user);
    expect(found(reply, texts)).toEqual([
      ['Probe drifts', 'user:probe-drift'],
      ['PD', 'user:probe-drift'],
      ['reward hacking detector', 'user:reward-hacking-detector'],
      ['reward hacking', 'reward-hacking'],
    ]);
    expect(terminalEntry(reply.matches[3]!)).toBeGreaterThanOrEqual(USER_BASE);
  });

  it('leave a reply without them as it was, and count in a snapshot’s evidence', () => {
    const texts = ['Only reward hacking here.'];
    const reply = matchTexts(glossary, texts);
    expect(withUserMatches(reply, texts, user)).toBe(reply);
    const snap = snapshotTexts([['We saw probe drift ', 'in every run.']]);
    const withUser = withUserMatches(matchSnapshot(glossary, snap), snap.texts, user);
    expect(withUser.evidence).toEqual({ matches: 1, ungated: 1, keywords: 0 });
  });

  it('are checked before they are kept, each refusal saying why', () => {
    expect(checkUserTerm({ term: '  Probe   drift ', definition: ' A drift. ', aliases: ['PD', 'pd', ''] }, bundled, [])).toEqual({
      term: 'Probe drift',
      aliases: ['PD', 'pd'],
      definition: 'A drift.',
    });
    expect(checkUserTerm({ term: 'RLHF', definition: 'x' }, bundled, [])).toBe(
      '"RLHF" is already a form of the glossary entry "reinforcement learning from human feedback"',
    );
    expect(checkUserTerm({ term: 'x', aliases: ['Reward Hacking'], definition: 'y' }, bundled, [])).toMatch(
      /glossary entry "reward hacking"/,
    );
    expect(checkUserTerm({ term: 'probe drift', definition: 'again' }, bundled, [{ term: 'Probe drift', definition: 'd' }])).toMatch(
      /your term "Probe drift"/,
    );
    expect(checkUserTerm({ term: 'x', definition: '' }, bundled, [])).toMatch(/no definition/);
    expect(checkUserTerm({ term: 'x', definition: 'y', source: 'ftp://a' }, bundled, [])).toMatch(/not a web address/);
    expect(checkUserTerm({ term: 'x'.repeat(101), definition: 'y' }, bundled, [])).toMatch(/longer than 100/);
  });

  it('a corrupted stored list keeps its good terms', () => {
    const warn = console.warn;
    console.warn = () => {};
    expect(sanitizeMyGlossary({ userTerms: [{ term: 'ok', definition: 'fine' }, { term: '' }, 'junk'], notes: { rlhf: 'n' } })).toEqual({
      userTerms: [{ term: 'ok', definition: 'fine' }],
      notes: { rlhf: 'n' },
    });
    console.warn = warn;
  });
});
