/**
 * Tab link: how the popup messages its tab's top frame (`?tab=<id>`, else the active tab): a web
 * page via its content script, our PDF viewer (an extension page) via runtime.sendMessage naming
 * the tab; null when neither answers. Cost: a tabs.query and one or two messages per call.
 * Must never: need the `tabs` permission (URLs come from the page, or host-permitted tabs.get).
 */
import { browser } from 'wxt/browser';
import { askPage } from '../messaging/ask-page';

export async function targetTabId(search: string): Promise<number | null> {
  const fromParam = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromParam) && fromParam > 0) return fromParam;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** The tab's URL as the browser reports it (visible to us where our host permission reaches). */
export async function tabUrl(tabId: number | null): Promise<string | null> {
  if (tabId === null) return null;
  try {
    return (await browser.tabs.get(tabId)).url ?? null;
  } catch {
    return null;
  }
}

export const getPageTerms = (tabId: number | null) => askPage(tabId, { type: 'get-page-terms' });
export const getPageUrl = async (tabId: number | null) => (await askPage(tabId, { type: 'get-page-url' })) ?? tabUrl(tabId);
/** The document's content type (application/pdf in Chromium's own PDF viewer), 'pdf-viewer' for ours. */
export const getPageKind = (tabId: number | null) => askPage(tabId, { type: 'get-page-kind' });
export const revealTerm = (tabId: number | null, id: string) => askPage(tabId, { type: 'reveal-term', id });
