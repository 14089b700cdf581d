/**
 * Background entry, wiring only: page matching, card data, settings relay, badge, menus, commands,
 * the arXiv option, and injecting scripts into tabs (wxt.config.ts says which and when).
 * Cost: the compiled matcher and the glossary stay in the worker; a page costs a few messages.
 * Must never: inject unasked, except the content script into tabs open at install or update.
 */
import { browser, type Browser } from 'wxt/browser';
import matcher from 'virtual:glossary/matcher';
import { exactEntry } from '@/background/lookup';
import { createMenus, onCommand, onMenuClicked, openWindowOrTab } from '@/background/optional-apis';
import { withSite } from '@/background/toggle-site';
import { handle, type Handlers } from '@/messaging/contract';
import { askPage } from '@/messaging/ask-page';
import { matchTexts } from '@/matching/match-texts';
import { matchSnapshot } from '@/matching/match-snapshot';
import { arxivAutoOpenTarget } from '@/background/pdf-open';
import { fileFromViewerSearch, isArxivPdf, PDF_LINK_PATTERNS, viewerUrlFor } from '@/pdf/pdf-url';
import { recordLookup } from '@/learning/history-store';
import { loadMyGlossary, MY_GLOSSARY_KEY, userTermId, type MyGlossary } from '@/settings/my-glossary';
import { compileUserTerms, withUserMatches } from '@/matching/user-matches';
import { USER_BASE, isUserEntry } from '@/matching/page-entry';
import type { CompiledMatcher } from '@/matching/compiled';
import type { CardEntry } from '@/glossary/display-types';
import { toCardEntry } from '@/glossary/display';
import { loadEntries } from '@/glossary/entries-file';
import { t } from '@/messaging/i18n';
import { siteKeyFor } from '@/settings/site-key';
import { loadSettings, markKnown, updateSettings, watchSettings } from '@/settings/store';
import { relaySettingsChanges, storedSettings } from '@/background/settings-relay';
import { startLearnedSync } from '@/background/learned-sync';

// Which PDF each tab shows in our viewer, one key per tab. Session storage: it outlives the
// service worker's restarts (Back from the viewer may come minutes later) and is gone when the
// browser closes.
const viewerKey = (tabId: number) => `viewer-file:${tabId}`;
async function viewerFile(tabId: number): Promise<string | undefined> {
  const got = await browser.storage.session.get(viewerKey(tabId)).catch(() => ({}) as Record<string, unknown>);
  const file = got[viewerKey(tabId)];
  return typeof file === 'string' ? file : undefined;
}
async function setViewerFile(tabId: number, file: string | null): Promise<void> {
  await (
    file === null ? browser.storage.session.remove(viewerKey(tabId)) : browser.storage.session.set({ [viewerKey(tabId)]: file })
  ).catch(() => {});
}

const MENU_ID = 'lookup-selection';
const ADD_MENU_ID = 'add-to-my-glossary';

// The reader's own glossary, read once and again after each change: their terms compiled into a
// second matcher (matching/user-matches.ts), their notes for the cards.
let mine: Promise<{ glossary: MyGlossary; matcher: CompiledMatcher | null }> | null = null;
const myGlossary = () =>
  (mine ??= loadMyGlossary().then((glossary) => ({
    glossary,
    matcher: compileUserTerms(glossary.userTerms.map((t) => ({ id: userTermId(t.term), term: t.term, aliases: t.aliases }))),
  })));

/** A card for one of the reader's terms. */
function userCard(glossary: MyGlossary, index: number): CardEntry | null {
  const t = glossary.userTerms[index - USER_BASE];
  if (!t) return null;
  // The card shows a user term's whole definition where a glossary card shows its gist.
  return {
    index,
    id: userTermId(t.term),
    term: t.term,
    category: 'your-term',
    gist: t.definition,
    definition: t.definition,
    related: [],
    contrasts: [],
    source: null,
    reviewed: '',
    user: t.source ? { source: t.source } : {},
    ...(t.note ? { note: t.note } : {}),
  };
}
const PDF_MENU_ID = 'open-pdf-link';

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    createMenus(browser, [
      { id: MENU_ID, title: t('contextMenuLookup'), contexts: ['selection'] },
      { id: ADD_MENU_ID, title: t('contextMenuAdd'), contexts: ['selection'] },
      // On links to PDFs only (by address: a .pdf path or an arXiv /pdf/ link).
      { id: PDF_MENU_ID, title: t('contextMenuOpenPdf'), contexts: ['link'], targetUrlPatterns: PDF_LINK_PATTERNS },
    ]);
    // A first install opens the welcome page (what it does, how to pin it, privacy); an update does not.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => {});
    if (reason === 'install' || reason === 'update') await injectIntoOpenTabs();
  });

  // Badge: distinct terms on the page, reported by the page's content script.
  const counts = new Map<number, number>();
  let badge = true;
  void loadSettings().then((s) => (badge = s.badge));
  watchSettings((s) => {
    badge = s.badge;
    for (const [tabId, n] of counts) void setBadge(tabId, n);
  });
  const setBadge = (tabId: number, n: number) => action.setBadgeText({ tabId, text: badge && n > 0 ? String(n) : '' }).catch(() => {});
  // The toolbar icon turns grey in a tab whose page has highlighting off (its site is switched off).
  const offTabs = new Set<number>();
  const setIcon = (tabId: number, on: boolean) =>
    action
      .setIcon({ tabId, path: on ? { 16: '/icon/16.png', 32: '/icon/32.png' } : { 16: '/icon/off-16.png', 32: '/icon/off-32.png' } })
      .catch(() => {});
  void action.setBadgeBackgroundColor?.({ color: '#6b4e00' });
  relaySettingsChanges();
  // Off unless the reader turns it on in the options.
  startLearnedSync();
  // The first term on a page, the first card: add the full page script or the tooltip UI to the
  // asking frame's content-script world; first of all, in a Chromium without its own `browser`,
  // the polyfill (platform/content-browser.ts).
  const inject = (sender: Browser.runtime.MessageSender, file: '/page-ui.js' | '/tooltip-ui.js' | '/browser-api.js') => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    return browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [file] }).then(() => true);
  };
  const handlers: Handlers<Browser.runtime.MessageSender> = {
    // A page's first question: its settings, read here so the page need not set up storage.
    'get-stored-settings': () => storedSettings(),
    // The popup's site switch: tldts's suffix tables stay here, out of the popup's script.
    'get-site-key': (m) => (typeof m.url === 'string' ? siteKeyFor(m.url) : null),
    // A slice of a page's text: the matcher runs here, where its code stays warm between pages.
    // The reader's own terms are matched too, by their own matcher, when they have any.
    'match-texts': async (m) =>
      withUserMatches(
        matchTexts(matcher, m.texts, Array.isArray(m.defs) ? { defs: m.defs, nextPage: Number(m.nextPage) || 0 } : undefined),
        m.texts,
        (await myGlossary()).matcher,
      ),
    'match-snapshot': async (m) => withUserMatches(matchSnapshot(matcher, m), m.texts, (await myGlossary()).matcher),
    'get-card-entry': async (m) => {
      const { glossary } = await myGlossary();
      if (isUserEntry(m.index)) return userCard(glossary, m.index);
      const entry = toCardEntry(await loadEntries(), m.index);
      const note = entry ? glossary.notes[entry.id] : undefined;
      return entry && note ? { ...entry, note } : entry;
    },
    'add-to-my-glossary': async (m) => {
      await openAddForm(m.text);
      return true;
    },
    'load-page-ui': (_, sender) => {
      // A page with terms will be hovered: read the definitions before its first card is asked for.
      void loadEntries().catch(() => {});
      return inject(sender, '/page-ui.js');
    },
    'load-tooltip-ui': (_, sender) => inject(sender, '/tooltip-ui.js'),
    'load-browser-api': (_, sender) => inject(sender, '/browser-api.js'),
    // Mark as known on a card: only an entry of the glossary (a page's own terms are not kept).
    'set-known': async (m) => {
      const entries = await loadEntries();
      if (typeof m.id !== 'string' || !entries.some((e) => e.id === m.id)) return false;
      await markKnown(m.id, m.known === true);
      return true;
    },
    'record-lookup': async (m, sender) => {
      const [settings, entries] = await Promise.all([loadSettings(), loadEntries()]);
      const entry = entries.find((e) => e.id === m.id);
      if (!settings.history || !entry) return false;
      const page = settings.historyPages ? pageAddress(sender) : undefined;
      return (await recordLookup({ id: entry.id, term: entry.term, ...(page ? { page } : {}) })) === 'recorded';
    },
    'viewer-opened': (m, sender) => {
      if (sender.tab?.id !== undefined) void setViewerFile(sender.tab.id, m.file);
    },
    'term-count': (m, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId !== 0) return;
      counts.set(tabId, m.count);
      void setBadge(tabId, m.count);
    },
    'site-state': (m, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId !== 0) return;
      if (m.on) offTabs.delete(tabId);
      else offTabs.add(tabId);
      void setIcon(tabId, m.on);
    },
  };
  // Messages for a page (the PDF viewer, addressed by `target`) have no handler here.
  browser.runtime.onMessage.addListener((message, sender) => handle(handlers, message, sender));
  // The reader's glossary changed (options page, import): match the terms again, and tell every
  // page, which looks at its text once more.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !Object.hasOwn(changes, MY_GLOSSARY_KEY)) return;
    mine = null;
    void browser.tabs.query({}).then((tabs) => {
      for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, { type: 'my-glossary-changed' }).catch(() => {});
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    counts.delete(tabId);
    offTabs.delete(tabId);
    void setViewerFile(tabId, null);
  });

  // A new document starts from an empty badge; its content script reports only when it finds
  // terms (so a page without any costs no message).
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new page says for itself whether it is off; until then the tab shows the usual icon.
    if (change.status === 'loading' && offTabs.delete(tabId)) void setIcon(tabId, true);
    if (change.status !== 'loading' || !counts.get(tabId)) return;
    counts.set(tabId, 0);
    void setBadge(tabId, 0);
  });

  // The arXiv option: a tab that navigates to arxiv.org/pdf/... goes to our viewer instead. The
  // tab's new URL is visible to us through the host permission we already hold: no extra one.
  // Settings are read here, not from a variable: a service worker woken by this very event has
  // not loaded them yet.
  browser.tabs.onUpdated.addListener(async (tabId, change) => {
    if (!change.url || !isArxivPdf(change.url)) return;
    const [settings, last] = await Promise.all([loadSettings(), viewerFile(tabId)]);
    const file = arxivAutoOpenTarget(change.url, settings.arxivAutoOpen, last);
    if (!file) return;
    await setViewerFile(tabId, file);
    await browser.tabs.update(tabId, { url: viewerUrlFor(browser.runtime.getURL('/pdf-viewer.html'), file) }).catch(() => {});
  });

  // Firefox for Android has no context menus, commands or windows (background/optional-apis.ts).
  onMenuClicked(browser, async (info, tab) => {
    if (info.menuItemId === PDF_MENU_ID && info.linkUrl) {
      const url = viewerUrlFor(browser.runtime.getURL('/pdf-viewer.html'), info.linkUrl);
      await browser.tabs.create({
        url,
        ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
        ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
      });
      return;
    }
    if (info.menuItemId === ADD_MENU_ID && info.selectionText) return void (await openAddForm(info.selectionText));
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    const entry = exactEntry(await loadEntries(), info.selectionText);
    if (entry && tab?.id !== undefined) {
      const shown = await askPage(tab.id, { type: 'show-entry', id: entry.id }, info.frameId ?? 0);
      if (shown) return;
    }
    await openPopupWindow({ q: info.selectionText.trim().slice(0, 200), ...(tab?.id !== undefined ? { tab: String(tab.id) } : {}) });
  });

  onCommand(browser, async (command, tab) => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    if (command === 'next-term') {
      await askPage(tabId, { type: 'step-term', direction: 1 });
    } else if (command === 'toggle-site') {
      const url = await askPage(tabId, { type: 'get-page-url' });
      const site = url ? siteKeyFor(url) : null;
      if (!site) return;
      await updateSettings((s) => {
        const on = s.siteMode === 'blocklist' ? s.sites.includes(site) : !s.sites.includes(site);
        return { sites: withSite(s, site, on) };
      });
    }
  });
});

/** The page a message came from: the PDF's address for our viewer, else the frame's. */
function pageAddress(sender: Browser.runtime.MessageSender): string | undefined {
  const url = sender.url;
  if (!url) return undefined;
  return url.startsWith(browser.runtime.getURL('/pdf-viewer.html')) ? (fileFromViewerSearch(new URL(url).search) ?? undefined) : url;
}

/** The options page's "Your terms" form, with the selected text as the term. */
async function openAddForm(text: string): Promise<void> {
  const url = `${browser.runtime.getURL('/options.html')}?${new URLSearchParams({ add: text.trim().replace(/\s+/g, ' ').slice(0, 100) })}#your-terms`;
  await browser.tabs.create({ url });
}

async function openPopupWindow(params: Record<string, string>): Promise<void> {
  const url = `${browser.runtime.getURL('/popup.html')}?${new URLSearchParams(params)}`;
  await openWindowOrTab(browser, url);
}

/** Tabs open before installation have no content script: add it now, no reload needed. */
async function injectIntoOpenTabs(): Promise<void> {
  const script = browser.runtime.getManifest().content_scripts?.[0];
  if (!script?.js || !browser.scripting) return;
  const tabs: Browser.tabs.Tab[] = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || tab.discarded) return;
      // A tab whose content script answers already has us (it loaded after installation).
      const alive = await browser.tabs.sendMessage(tab.id, { type: 'get-page-url' }, { frameId: 0 }).then(
        (r) => r !== undefined,
        () => false,
      );
      if (alive) return;
      const target = { tabId: tab.id };
      // Browser pages and the web store refuse injection; that is expected.
      await browser.scripting.insertCSS({ target, files: script.css ?? [] }).catch(() => {});
      await browser.scripting.executeScript({ target, files: script.js as never[] }).catch(() => {});
    }),
  );
}
