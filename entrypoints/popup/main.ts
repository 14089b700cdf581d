/**
 * Popup entry: wiring only (see popup/popup-app.ts).
 * Cost: only while the popup is open (it loads the glossary for its search).
 * Must never: read a page itself; it asks the page's content script or viewer (popup/tab-link.ts).
 */
import { browser } from 'wxt/browser';
import { loadEntries } from 'virtual:glossary/entries';
import { PopupApp } from '@/popup/popup-app';
import { getPageKind, getPageTerms, getPageUrl, revealTerm, targetTabId } from '@/popup/tab-link';
import { viewerUrlFor } from '@/pdf/pdf-url';
import { t } from '@/messaging/i18n';
import { siteKeyFor } from '@/settings/site-key';
import { loadSettings, updateSettings } from '@/settings/store';

document.documentElement.lang = browser.i18n.getUILanguage();
const params = new URLSearchParams(location.search);
const tabId = await targetTabId(location.search);
const asPage = params.has('tab');

new PopupApp({
  doc: document,
  t,
  entries: loadEntries,
  tabId,
  getPageTerms: () => getPageTerms(tabId),
  getPageUrl: () => getPageUrl(tabId),
  getPageKind: () => getPageKind(tabId),
  // Navigating a tab to our own page needs no permission.
  openInViewer: (pdfUrl) => {
    const url = viewerUrlFor(browser.runtime.getURL('/pdf-viewer.html'), pdfUrl);
    return tabId === null ? browser.tabs.create({ url }) : browser.tabs.update(tabId, { url });
  },
  revealTerm: (id) => revealTerm(tabId, id),
  siteKeyFor,
  loadSettings,
  updateSettings,
  openOptions: () => void browser.runtime.openOptionsPage(),
  // Opened as a page (tests, "open in tab"), the popup stays; as a real popup it closes.
  close: () => (asPage ? undefined : window.close()),
  initialQuery: params.get('q') ?? undefined,
}).mount(document.getElementById('app')!);
