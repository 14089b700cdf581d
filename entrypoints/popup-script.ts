/**
 * Popup entry: wiring only (see popup/popup-app.ts), one classic script that
 * entrypoints/popup/index.html loads (a module graph of chunks started later: bench/README.md).
 * Cost: only while the popup is open (it loads the glossary for its search).
 * Must never: read a page itself (popup/tab-link.ts asks it), or import tldts (the background
 * answers `get-site-key`), which would be inlined here.
 */
import { browser } from 'wxt/browser';
import { loadEntries } from '@/glossary/entries-file';
import { PopupApp } from '@/popup/popup-app';
import { getPageKind, getPageTerms, getPageUrl, revealTerm, targetTabId } from '@/popup/tab-link';
import { viewerUrlFor } from '@/pdf/pdf-url';
import { t } from '@/messaging/i18n';
import { loadSettings, updateSettings } from '@/settings/store';
import { clearHistory, loadHistory, recordLookup } from '@/learning/history-store';
import { downloadText } from '@/components/download';
import { loadMyGlossary, updateMyGlossary } from '@/settings/my-glossary';
import { typedSend } from '@/messaging/contract';

const toBackground = typedSend((m) => browser.runtime.sendMessage(m));

export default defineUnlistedScript(() => {
  // Read while the rest of the popup is set up (the app asks for it again and gets the same read).
  void loadEntries().catch(() => {});
  document.documentElement.lang = browser.i18n.getUILanguage();
  const params = new URLSearchParams(location.search);
  // Nothing is awaited before the search box is up: the tab and the glossary arrive after it.
  const tab = targetTabId(location.search);
  const asPage = params.has('tab');
  // Opened as a page rather than as the toolbar's popup (Firefox for Android opens it in a tab):
  // it takes the window's width instead of the popup's fixed one.
  const inPopup = browser.extension?.getViews?.({ type: 'popup' }).includes(window) ?? false;
  document.documentElement.classList.toggle('as-page', !inPopup);

  new PopupApp({
    doc: document,
    t,
    entries: loadEntries,
    getPageTerms: async () => getPageTerms(await tab),
    getPageUrl: async () => getPageUrl(await tab),
    getPageKind: async () => getPageKind(await tab),
    // Navigating a tab to our own page needs no permission.
    openInViewer: async (pdfUrl) => {
      const url = viewerUrlFor(browser.runtime.getURL('/pdf-viewer.html'), pdfUrl);
      const tabId = await tab;
      return tabId === null ? browser.tabs.create({ url }) : browser.tabs.update(tabId, { url });
    },
    revealTerm: async (id) => revealTerm(await tab, id),
    siteKeyFor: (url) => toBackground({ type: 'get-site-key', url }),
    loadSettings,
    updateSettings,
    openOptions: () => void browser.runtime.openOptionsPage(),
    // Opened as a page (tests, "open in tab"), the popup stays; as a real popup it closes.
    close: () => (asPage ? undefined : window.close()),
    initialQuery: params.get('q') ?? undefined,
    history: { load: loadHistory, clear: clearHistory, record: recordLookup },
    mine: { load: loadMyGlossary, update: updateMyGlossary },
    download: (filename, text, type) => downloadText(document, filename, text, type),
  }).mount(document.getElementById('app')!);
});
