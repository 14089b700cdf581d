/**
 * The stored settings item, against WXT's fake browser storage: versioning, repair of bad
 * values, and that a repair keeps the user's valid settings.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings, updateSettings } from '../../settings/store';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../settings/settings';

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

  it('never writes an invalid value', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, mode: 'sometimes' as never, sites: ['ok.org', 'not a site'] });
    const raw = await fakeBrowser.storage.local.get('settings');
    expect(raw.settings).toEqual({ ...DEFAULT_SETTINGS, sites: ['ok.org'] });
  });
});

describe('what a page reads at start (messaging/page-start)', () => {
  it('reads the settings the store wrote, and asks the background for nothing', async () => {
    const { readPageStart } = await import('../../messaging/page-start');
    await saveSettings({ ...DEFAULT_SETTINGS, mode: 'all', sites: ['example.org'], style: 'tint' });
    const asked = vi.fn();
    fakeBrowser.runtime.onMessage.addListener(asked);
    const start = await readPageStart();
    expect(start.settings).toEqual({ ...DEFAULT_SETTINGS, mode: 'all', sites: ['example.org'], style: 'tint' });
    expect(asked).not.toHaveBeenCalled();
  });

  it('falls back to default settings with a warning on a corrupted value, keeping valid fields', async () => {
    const { readPageStart } = await import('../../messaging/page-start');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ settings: { enabled: 'yes', badge: false } });
    expect((await readPageStart()).settings).toEqual({ ...DEFAULT_SETTINGS, badge: false });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('follows changes the store makes, sanitised, until stopped', async () => {
    const { followSettings } = await import('../../settings/read-settings');
    const seen: string[] = [];
    const stop = followSettings((s) => seen.push(s.mode));
    await updateSettings(() => ({ mode: 'all' }));
    await updateSettings(() => ({ mode: 'first' }));
    stop();
    await updateSettings(() => ({ mode: 'all' }));
    expect(seen).toEqual(['all', 'first']);
  });
});
