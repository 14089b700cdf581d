/**
 * The stored settings item, against WXT's fake browser storage: versioning, repair of bad
 * values, and that a repair keeps the user's valid settings.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings, updateSettings } from '../../settings/store';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../settings/settings';
import { typedSend } from '../../messaging/contract';
import { migrations } from '../../settings/migrations';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings store', () => {
  it('returns defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('stores the settings with their version', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, mode: 'all', sites: ['example.org'] });
    const raw = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(raw.settings).toEqual({ ...DEFAULT_SETTINGS, mode: 'all', sites: ['example.org'] });
    expect((raw['settings$'] as { v: number }).v).toBe(SETTINGS_VERSION);
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, mode: 'all', sites: ['example.org'] });
  });

  it('reads a value written before versioning existed (no version metadata) as version 1', async () => {
    await fakeBrowser.storage.local.set({ settings: { mode: 'all', badge: false } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, mode: 'all', badge: false });
  });

  it('migrates a real version-1 value to version 2: every setting kept, no term known yet', async () => {
    const v1 = {
      enabled: true,
      mode: 'all',
      style: 'tint',
      siteMode: 'allowlist',
      sites: ['arxiv.org'],
      badge: false,
      arxivAutoOpen: true,
      cardDefinition: true,
    };
    expect(migrations[2]!(v1)).toEqual({ ...v1, knownTerms: [], knownStyle: 'fade', history: true, historyPages: false, sync: false });
    // A value written without its version keeps what it has.
    expect(migrations[2]!({ ...v1, knownTerms: ['rlhf'] })).toMatchObject({ knownTerms: ['rlhf'] });
    // Read as it is (the store migrates when the background starts), the sanitiser gives the same.
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    expect(await loadSettings()).toEqual({ ...v1, knownTerms: [], knownStyle: 'fade', history: true, historyPages: false, sync: false });
  });

  it('keeps known terms as entry ids, once each, and drops what is not one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({
      settings: { knownTerms: ['rlhf', 'rlhf', 'Not An Id', 4, 'mesa-optimizer'] },
      settings$: { v: 2 },
    });
    expect((await loadSettings()).knownTerms).toEqual(['rlhf', 'mesa-optimizer']);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/knownTerms: dropped 2 entries/);
    warn.mockRestore();
  });

  it('repairs a corrupted value with a warning and keeps the valid fields', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ settings: { enabled: 3, mode: 'all', sites: 'example.org' } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, mode: 'all' });
    expect(warn.mock.calls.flat().join(' ')).toMatch(/settings\.enabled[\s\S]*settings\.sites/);
    warn.mockRestore();
  });

  it('updates one field without touching the others', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, sites: ['a.org', 'b.org'], style: 'tint' });
    await updateSettings(() => ({ badge: false }));
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, sites: ['a.org', 'b.org'], style: 'tint', badge: false });
  });

  it('updates started together each see the one before, so none is lost (quick clicks on the switches)', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, sites: [] });
    await Promise.all(['a.org', 'b.org', 'c.org'].map((site) => updateSettings((s) => ({ sites: [...s.sites, site] }))));
    expect((await loadSettings()).sites).toEqual(['a.org', 'b.org', 'c.org']);
  });

  it('never writes an invalid value', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, mode: 'sometimes' as never, sites: ['ok.org', 'not a site'] });
    const raw = await fakeBrowser.storage.local.get('settings');
    expect(raw.settings).toEqual({ ...DEFAULT_SETTINGS, sites: ['ok.org'] });
  });
});

describe('what a page reads at start (messaging/page-start, background/settings-relay)', () => {
  /** The page's messages go to the background's answer, as runtime.sendMessage would carry them. */
  const viaBackground = async (message: unknown) => {
    const { storedSettings } = await import('../../background/settings-relay');
    expect((message as { type: string }).type).toBe('get-stored-settings');
    // Through JSON, like the browser's messaging.
    return JSON.parse(JSON.stringify(await storedSettings())) as unknown;
  };

  it('gets the settings the store wrote from the background, without reading storage itself', async () => {
    const { readPageStart } = await import('../../messaging/page-start');
    await saveSettings({ ...DEFAULT_SETTINGS, mode: 'all', sites: ['example.org'], style: 'tint' });
    const send = vi.fn(viaBackground);
    const start = await readPageStart(typedSend(send));
    expect(start.settings).toEqual({ ...DEFAULT_SETTINGS, mode: 'all', sites: ['example.org'], style: 'tint' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gets defaults when nothing is stored', async () => {
    const { readPageStart } = await import('../../messaging/page-start');
    expect((await readPageStart(typedSend(viaBackground))).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to default settings with a warning on a corrupted value, keeping valid fields', async () => {
    const { readPageStart } = await import('../../messaging/page-start');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ settings: { enabled: 'yes', badge: false } });
    expect((await readPageStart(typedSend(viaBackground))).settings).toEqual({ ...DEFAULT_SETTINGS, badge: false });
    expect(warn.mock.calls.join(' ')).toMatch(/repaired stored settings[\s\S]*settings\.enabled/);
    warn.mockRestore();
  });

  it('uses defaults with a warning when the background does not answer', async () => {
    const { readPageStart } = await import('../../messaging/page-start');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await readPageStart(typedSend(() => Promise.reject(new Error('Receiving end does not exist.'))))).settings).toEqual(
      DEFAULT_SETTINGS,
    );
    expect((await readPageStart(typedSend(() => Promise.resolve(undefined)))).settings).toEqual(DEFAULT_SETTINGS);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('tells every tab about each change the store makes, and the page reads it sanitised', async () => {
    const { relaySettingsChanges } = await import('../../background/settings-relay');
    const { settingsChangeIn } = await import('../../messaging/page-start');
    const a = await fakeBrowser.tabs.create({ url: 'https://a.example/' });
    const b = await fakeBrowser.tabs.create({ url: 'https://b.example/' });
    const told: [number, unknown][] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((id: number, message: unknown) => {
      told.push([id, message]);
      return Promise.resolve(undefined);
    }) as never);
    relaySettingsChanges();
    await updateSettings(() => ({ mode: 'all' }));
    await updateSettings(() => ({ style: 'tint' }));
    const ids = (await fakeBrowser.tabs.query({})).map((t) => t.id!);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    await vi.waitFor(() => expect(told).toHaveLength(2 * ids.length));
    expect(told.map(([id]) => id).sort()).toEqual([...ids, ...ids].sort());
    const seen = told.filter(([id]) => id === a.id).map(([, m]) => settingsChangeIn(m));
    expect(seen.map((s) => [s?.mode, s?.style])).toEqual([
      ['all', DEFAULT_SETTINGS.style],
      ['all', 'tint'],
    ]);
    // Anything else the page hears is not a settings change.
    expect(settingsChangeIn({ type: 'get-page-terms' })).toBeNull();
  });

  it('repairs a corrupted value before any page hears of it', async () => {
    const { relaySettingsChanges } = await import('../../background/settings-relay');
    const { settingsChangeIn } = await import('../../messaging/page-start');
    await fakeBrowser.tabs.create({ url: 'https://a.example/' });
    const told: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((_id: number, message: unknown) => {
      told.push(JSON.parse(JSON.stringify(message)));
      return Promise.resolve(undefined);
    }) as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    relaySettingsChanges();
    // Written past the store, as another version or a broken sync might.
    await fakeBrowser.storage.local.set({ settings: { enabled: 'yes', mode: 'all', sites: 'example.org' } });
    await vi.waitFor(() => expect(told.length).toBeGreaterThan(0));
    for (const message of told) expect(settingsChangeIn(message)).toEqual({ ...DEFAULT_SETTINGS, mode: 'all' });
    expect(warn.mock.calls.join(' ')).toMatch(/repaired stored settings[\s\S]*settings\.enabled/);
    warn.mockRestore();
  });
});
