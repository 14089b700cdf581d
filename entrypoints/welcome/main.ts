/**
 * Welcome page (opened once, on install), wiring only: the glossary runs on its own "Try it"
 * paragraph, as on any page, since extension pages get no content script.
 * Cost: the matcher loads on this page only. Must never: open again on an update (background.ts).
 */
import { browser } from 'wxt/browser';
import matcher from 'virtual:glossary/matcher';
import tooltipCss from '@/page/tooltip/tooltip.css?inline';
import tippyCss from 'tippy.js/dist/tippy.css?inline';
import { localMatchSource } from '@/page/shared/local-match-source';
import { GlossaryPage } from '@/page/full/glossary-page';
import { GlossaryTooltip } from '@/page/tooltip/glossary-tooltip';
import { typedSend } from '@/messaging/contract';
import '@/entrypoints/highlight.css';

document.documentElement.lang = browser.i18n.getUILanguage();
const send = typedSend((message) => browser.runtime.sendMessage(message));
const page = new GlossaryPage(document, {
  source: localMatchSource(matcher),
  loadEntry: (index) => send({ type: 'get-card-entry', index }),
  loadTooltip: async () => (doc, entries, actions) => new GlossaryTooltip(doc, entries, `${tippyCss}\n${tooltipCss}`, actions),
  // The whole welcome page is worth showing underlined: every occurrence, to try any of them.
  mode: 'all',
});
void page.start();
