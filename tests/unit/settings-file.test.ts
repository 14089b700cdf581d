import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../settings/settings';
import { exportSettings, parseSettingsFile, type ImportContext } from '../../settings/settings-file';
import { bundledForms, type MyGlossary } from '../../settings/my-glossary';

const mine = {
  ...DEFAULT_SETTINGS,
  mode: 'all' as const,
  sites: ['example.org', 'news.ycombinator.com'],
  knownTerms: ['rlhf', 'mesa-optimizer'],
};
const ids = new Set(['rlhf', 'mesa-optimizer', 'corrigibility']);
const myOwn: MyGlossary = {
  userTerms: [
    {
      term: 'probe drift',
      aliases: ['PD'],
      definition: 'When a linear probe stops tracking its feature after fine-tuning.',
      source: 'https://example.org/pd',
    },
  ],
  notes: { rlhf: 'Compare with DPO.' },
};
const ctx: ImportContext = {
  current: { ...DEFAULT_SETTINGS, knownTerms: ['corrigibility'] },
  currentMine: { userTerms: [], notes: { corrigibility: 'kept' } },
  bundled: bundledForms([
    { term: 'reinforcement learning from human feedback', aliases: ['RLHF'], gatedAliases: [] },
    { term: 'mesa-optimizer', aliases: ['mesa optimiser'], gatedAliases: [] },
  ]),
  isEntryId: (id) => ids.has(id),
};
const v2 = (extra: Record<string, unknown>) =>
  JSON.stringify({ format: 'alignment-glossary-settings', version: 2, settings: {}, knownTerms: [], userTerms: [], notes: {}, ...extra });

describe('settings file', () => {
  it('round-trips, known terms, your terms and notes included', () => {
    expect(parseSettingsFile(exportSettings(mine, myOwn), ctx)).toEqual({ ok: true, settings: mine, mine: myOwn });
  });

  it('writes version 2 with the known terms beside the settings', () => {
    const doc = JSON.parse(exportSettings(mine, myOwn));
    expect(doc).toMatchObject({ version: 2, knownTerms: ['rlhf', 'mesa-optimizer'], userTerms: myOwn.userTerms, notes: myOwn.notes });
    expect(doc.settings).not.toHaveProperty('knownTerms');
  });

  it('imports a version-1 file and keeps the known terms the reader has', () => {
    const v1 = JSON.stringify({ format: 'alignment-glossary-settings', version: 1, settings: { mode: 'all', sites: ['a.org'] } });
    expect(parseSettingsFile(v1, ctx)).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, mode: 'all', sites: ['a.org'], knownTerms: ['corrigibility'] },
      mine: ctx.currentMine,
    });
  });

  it.each([
    ['{ not json', /not valid JSON/],
    ['[1,2]', /does not contain a settings object/],
    ['{"settings": {}}', /not an Alignment Glossary settings file/],
    ['{"format":"alignment-glossary-settings","settings":{}}', /version/],
    ['{"format":"alignment-glossary-settings","version":99,"settings":{}}', /newer version/],
    ['{"format":"alignment-glossary-settings","version":1,"settings":"x"}', /"settings" field/],
    ['{"format":"alignment-glossary-settings","version":1,"settings":{"mode":"sometimes"}}', /settings\.mode/],
    ['{"format":"alignment-glossary-settings","version":1,"settings":{"sites":["ok.com","bad site"]}}', /sites: dropped 1 entry/],
    [v2({ knownTerms: ['rlhf', 'no-such-entry'] }), /"no-such-entry", which is not an entry/],
    [v2({ knownTerms: 'rlhf' }), /not a list of entry ids/],
    [v2({ knownTerms: [7] }), /names 7/],
    [v2({ settings: { knownStyle: 'blink' } }), /settings\.knownStyle/],
    [
      v2({ userTerms: [{ term: 'rlhf', definition: 'x' }] }),
      /term number 1 cannot be added: "rlhf" is already a form of the glossary entry "reinforcement learning from human feedback"/,
    ],
    [v2({ userTerms: [{ term: 'probe drift' }] }), /term number 1 cannot be added: "probe drift" has no definition/],
    [
      v2({ userTerms: [myOwn.userTerms[0], { term: 'PD', definition: 'again' }] }),
      /term number 2 .*"PD" is already a form of your term "probe drift"/,
    ],
    [v2({ userTerms: [{ term: 'x', definition: 'y', source: 'javascript:alert(1)' }] }), /not a web address/],
    [v2({ notes: { 'no-such-entry': 'hi' } }), /not an entry of this glossary/],
    [v2({ userTerms: {} }), /"userTerms" is not a list/],
  ])('refuses %s as a whole, with its reason', (text, reason) => {
    const r = parseSettingsFile(text, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
