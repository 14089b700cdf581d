import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../settings/settings';
import { exportSettings, parseSettingsFile } from '../../settings/settings-file';

const mine = { ...DEFAULT_SETTINGS, mode: 'all' as const, sites: ['example.org', 'news.ycombinator.com'] };

describe('settings file', () => {
  it('round-trips', () => {
    expect(parseSettingsFile(exportSettings(mine))).toEqual({ ok: true, settings: mine });
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
  ])('rejects %s with a clear reason', (text, reason) => {
    const r = parseSettingsFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
