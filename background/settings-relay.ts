/**
 * Settings relay: the background hands content scripts the stored settings and tells them when
 * they change, so a page never sets up the storage API (messaging/page-start.ts says why).
 *
 * What it does: `storedSettings` reads the raw value under the settings key (the page sanitises
 * it and reports a repair in its own console); `relaySettingsChanges` sends every tab's frames a
 * stored-settings-changed message when the value changes, whoever changed it (popup, options,
 * keyboard command, another device's sync).
 * Cost: one storage read per page load; one message per tab per change.
 * Must never: change the value it relays, or fail because a tab has no content script.
 */
import { browser } from 'wxt/browser';
import type { StoredSettingsChangedMessage, StoredSettingsReply } from '../messaging/contract';
import { SETTINGS_KEY } from '../settings/store';

export async function storedSettings(): Promise<StoredSettingsReply> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return { value: got[SETTINGS_KEY] ?? null };
}

export function relaySettingsChanges(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !Object.hasOwn(changes, SETTINGS_KEY)) return;
    const message: StoredSettingsChangedMessage = { type: 'stored-settings-changed', value: changes[SETTINGS_KEY]!.newValue ?? null };
    void browser.tabs.query({}).then((tabs) => {
      // Tabs without our content script (browser pages, other stores) refuse: nothing to tell.
      for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => {});
    });
  });
}
