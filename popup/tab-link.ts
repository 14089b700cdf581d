/**
 * Tab link: how the popup talks to the content script of the tab it is about.
 *
 * What it does: finds the target tab (the `?tab=<id>` parameter when the popup is opened as a
 * page, as the end-to-end tests do, else the active tab), and sends it messages in the top frame.
 * A tab without our content script (browser pages, the web store) answers with null.
 * Cost: one tabs.query and one message per call.
 * Must never: need the `tabs` permission; the page's URL comes from the content script itself.
 */
import { browser } from 'wxt/browser';
import type { ContentMessage, PageTermsReport } from '../messaging/contract';

export async function targetTabId(search: string): Promise<number | null> {
  const fromParam = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromParam) && fromParam > 0) return fromParam;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function ask<T>(tabId: number | null, message: ContentMessage): Promise<T | null> {
  if (tabId === null) return null;
  try {
    const answer = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    return (answer ?? null) as T | null;
  } catch {
    return null;
  }
}

export const getPageTerms = (tabId: number | null) => ask<PageTermsReport>(tabId, { type: 'get-page-terms' });
export const getPageUrl = (tabId: number | null) => ask<string>(tabId, { type: 'get-page-url' });
export const revealTerm = (tabId: number | null, id: string) => ask<boolean>(tabId, { type: 'reveal-term', id });
