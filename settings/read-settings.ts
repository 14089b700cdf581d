/**
 * Settings for the content script: read-only, and as lean as a page load needs.
 *
 * What it does: reads the stored settings value with one `storage.local.get` and sanitises it
 * (the same sanitiser and warnings as settings/store.ts), and follows changes through
 * `storage.onChanged`. The store (@wxt-dev/storage) stays the only writer and runs migrations in
 * the background, popup and options pages; a value from an older version that has not been
 * migrated yet is still read safely, because the sanitiser keeps what it recognises.
 * Cost: one storage read per page; defining the versioned item, its migration check and its lock
 * would cost every page a few milliseconds for nothing it uses.
 * Must never: write to storage.
 */
import { browser } from 'wxt/browser';
import { repairedSettings, type Settings } from './settings';

// The key @wxt-dev/storage uses for 'local:settings' (tests check the two agree).
const KEY = 'settings';

export async function readSettings(): Promise<Settings> {
  try {
    const stored = (await browser.storage.local.get(KEY)) as Record<string, unknown>;
    return repairedSettings(stored[KEY] ?? null);
  } catch (err) {
    console.warn('Alignment Glossary: could not read settings, using defaults', err);
    return repairedSettings(null);
  }
}

export function followSettings(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, KEY)) cb(repairedSettings(changes[KEY]!.newValue ?? null));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
