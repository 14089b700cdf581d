/**
 * Settings relay: gives pages the stored settings, sanitised here so pages carry neither the
 * storage API nor the sanitiser (measured: bench/README.md), and sends every tab each change.
 * Cost: one storage read and one sanitise per page load; one message per tab per change.
 * Must never: write settings, or fail because a tab has no content script.
 */
import { browser } from 'wxt/browser';
import type { Message, StoredSettingsReply } from '../messaging/contract';
import { repairedSettings } from '../settings/settings';
import { SETTINGS_KEY } from '../settings/store';

export async function storedSettings(): Promise<StoredSettingsReply> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return { value: repairedSettings(got[SETTINGS_KEY] ?? null) };
}

export function relaySettingsChanges(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !Object.hasOwn(changes, SETTINGS_KEY)) return;
    const message: Message<'stored-settings-changed'> = {
      type: 'stored-settings-changed',
      value: repairedSettings(changes[SETTINGS_KEY]!.newValue ?? null),
    };
    void browser.tabs.query({}).then((tabs) => {
      // Tabs without our content script (browser pages, other stores) refuse: nothing to tell.
      for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => {});
    });
  });
}
