/**
 * Settings for the content script: read-only, and as lean as a page load needs.
 *
 * What it does: names the storage key the settings live under (the content script reads it with
 * one `storage.local.get`, see messaging/page-start.ts) and follows changes through
 * `storage.onChanged`, sanitised like settings/store.ts does. The store (@wxt-dev/storage) stays the only writer and runs migrations in
 * the background, popup and options pages; a value from an older version that has not been
 * migrated yet is still read safely, because the sanitiser keeps what it recognises.
 * Cost: nothing until a change; defining the versioned item, its migration check and its lock
 * would cost every page a few milliseconds for nothing it uses.
 * Must never: write to storage.
 */
import { browser } from 'wxt/browser';
import { repairedSettings, type Settings } from './settings';

// The key @wxt-dev/storage uses for 'local:settings' (tests check the two agree).
export const SETTINGS_KEY = 'settings';

export function followSettings(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, SETTINGS_KEY)) cb(repairedSettings(changes[SETTINGS_KEY]!.newValue ?? null));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
