/**
 * Settings relay: the background hands content scripts the stored settings and tells them when
 * they change, so a page never sets up the storage API (messaging/page-start.ts says why).
 *
 * What it does: `storedSettings` reads the value under the settings key and sanitises it, with a
 * console note on a repair, so that pages need not carry the sanitiser (about 0.17 ms of compile
 * on every page); `relaySettingsChanges` sends every tab's frames a stored-settings-changed
 * message with the sanitised new value when it changes, whoever changed it (popup, options,
 * keyboard command, another device's sync).
 * Cost: one storage read and one sanitise per page load; one message per tab per change.
 * Must never: write settings, or fail because a tab has no content script.
 */
import { browser } from 'wxt/browser';
import type { StoredSettingsChangedMessage, StoredSettingsReply } from '../messaging/contract';
import { repairedSettings } from '../settings/settings';
import { SETTINGS_KEY } from '../settings/store';

export async function storedSettings(): Promise<StoredSettingsReply> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return { value: repairedSettings(got[SETTINGS_KEY] ?? null) };
}

export function relaySettingsChanges(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !Object.hasOwn(changes, SETTINGS_KEY)) return;
    const message: StoredSettingsChangedMessage = {
      type: 'stored-settings-changed',
      value: repairedSettings(changes[SETTINGS_KEY]!.newValue ?? null),
    };
    void browser.tabs.query({}).then((tabs) => {
      // Tabs without our content script (browser pages, other stores) refuse: nothing to tell.
      for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => {});
    });
  });
}
