/**
 * PDF viewer entry (pdf-viewer.html?file=<url>), wiring only: opens the PDF (pdf/viewer-app.ts),
 * runs the glossary page on its text layers and answers messages addressed to this viewer's tab.
 * Cost: the matcher runs here, on the viewer's own thread, rather than in the background.
 * Must never: answer a message addressed to another tab (every viewer hears runtime messages).
 */
// First: built-ins pdf.js needs that older browsers lack (pdf/polyfills.ts).
import '@/pdf/install-polyfills';
import { browser } from 'wxt/browser';
import matcher from 'virtual:glossary/matcher';
import { localMatchSource } from '@/page/shared/local-match-source';
import tooltipCss from '@/page/tooltip/tooltip.css?inline';
import tippyCss from 'tippy.js/dist/tippy.css?inline';
import workerSrc from '@/pdf/pdf-worker?worker&url';
import { GlossaryPage } from '@/page/full/glossary-page';
import { GlossaryTooltip } from '@/page/tooltip/glossary-tooltip';
import { isForTab, typedSend } from '@/messaging/contract';
import { answerPageMessage } from '@/page/shared/page-messages';
import { t } from '@/messaging/i18n';
import { fileFromViewerSearch } from '@/pdf/pdf-url';
import { ViewerApp } from '@/pdf/viewer-app';
import { isURLEnabled } from '@/settings/is-url-enabled';
import { loadSettings, markKnown, watchSettings } from '@/settings/store';
import { loadMyGlossary, myGlossaryItem, userTermId } from '@/settings/my-glossary';
import { compileUserTerms } from '@/matching/user-matches';
import type { CompiledMatcher } from '@/matching/compiled';
import type { Settings } from '@/settings/settings';
import type { PageTermsReport } from '@/messaging/contract';
import '@/entrypoints/highlight.css';

document.documentElement.lang = browser.i18n.getUILanguage();
const rawFile = new URLSearchParams(location.search).get('file');
const file = fileFromViewerSearch(location.search);

// Which tab we are in: messages for us name it. Extension pages may ask without `tabs`.
const myTabId: number | null = (await browser.tabs.getCurrent().catch(() => undefined))?.id ?? null;

const send = typedSend((message) => browser.runtime.sendMessage(message));

// The reader's own terms, matched here too; the page is matched again when they change.
let userMatcher: CompiledMatcher | null = null;
const readMine = () =>
  loadMyGlossary().then((g) => {
    userMatcher = compileUserTerms(g.userTerms.map((u) => ({ id: userTermId(u.term), term: u.term, aliases: u.aliases })));
  });
const mineRead = readMine();
myGlossaryItem.watch(() => void readMine().then(() => page.refresh()));

const page = new GlossaryPage(document, {
  // An extension page: the matcher runs here, on the viewer's own thread.
  source: localMatchSource(matcher, () => userMatcher),
  loadEntry: (index) => send({ type: 'get-card-entry', index }),
  // An extension page may simply import the tooltip UI (content scripts have it injected).
  loadTooltip: async () => (doc, entries, actions) => new GlossaryTooltip(doc, entries, `${tippyCss}\n${tooltipCss}`, actions),
  // The background knows our tab from the sender, as for a content script (the badge).
  onTermCount: (count) => void send({ type: 'term-count', count }).catch(() => {}),
  // An extension page writes the settings itself; every page then gets the change.
  onMarkKnown: (id, known) => void markKnown(id, known),
  onLookUp: (id) => void send({ type: 'record-lookup', id }).catch(() => {}),
});

const app = new ViewerApp({
  doc: document,
  t,
  workerSrc,
  firefox: import.meta.env.FIREFOX,
  onReady: () => void Promise.all([loadSettings(), mineRead]).then(([s]) => apply(s)),
  // The message is scanned like any page: the popup then reports no terms rather than "off".
  onFailed: () => void page.start(),
});
// The original link is offered only for addresses the viewer could open.
app.mount(document.getElementById('app')!, file);

browser.runtime.onMessage.addListener((message: unknown) =>
  isForTab(message, myTabId)
    ? answerPageMessage(page, message, { url: () => file ?? location.href, kind: () => 'pdf-viewer', report })
    : undefined,
);

// The background remembers which PDF this tab shows (the arXiv option must not bounce back).
if (file) void send({ type: 'viewer-opened', file }).catch(() => {});

/**
 * The content script's reply, but 'scanning' until every page's text layer is in the document
 * and scanned: the last layers arrive as changes, which wait for their batch.
 */
function report(): PageTermsReport {
  const r = page.report();
  return r.status === 'done' && !app.failure && (!app.textComplete || page.settling) ? { ...r, status: 'scanning' } : r;
}

function apply(s: Settings): void {
  if (app.failure) return;
  page.setMode(s.mode);
  page.setStyle(s.style);
  page.setCardDefinition(s.cardDefinition);
  page.setKnown(s.knownTerms, s.knownStyle);
  if (isURLEnabled(s, file ?? '')) void page.start();
  else page.stop();
}
watchSettings(apply);

await app.open(file, rawFile);
