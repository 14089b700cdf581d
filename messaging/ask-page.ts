/**
 * Ask the page in a tab (popup, background): its content script's top frame, or, where the tab
 * shows our PDF viewer (an extension page tabs.sendMessage does not reach), the viewer by tab id.
 * Cost: one message, two when the tab has no content script. Must never: need the `tabs`
 * permission, or throw: a page that cannot answer gives null.
 */
import { browser } from 'wxt/browser';
import type { Message, MessageType, Reply } from './contract';

export async function askPage<K extends MessageType>(tabId: number | null, message: Message<K>, frameId = 0): Promise<Reply<K> | null> {
  if (tabId === null) return null;
  const answer = (await browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => undefined)) as Reply<K> | undefined;
  if (answer !== undefined && answer !== null) return answer;
  return ((await browser.runtime.sendMessage({ ...message, target: { tabId } }).catch(() => null)) ?? null) as Reply<K> | null;
}
