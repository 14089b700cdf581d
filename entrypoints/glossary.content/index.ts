/**
 * Content script entry: wiring only. Composes the glossary page for this document, applies the
 * settings (and their changes, without a reload) and answers messages from the popup and the
 * background. All logic lives in page/, matching/ and settings/.
 */
import { browser } from 'wxt/browser';
import matcher from 'virtual:glossary/matcher';
import tooltipCss from '@/page/tooltip.css?inline';
import tippyCss from 'tippy.js/dist/tippy.css?inline';
import { GlossaryPage } from '@/page/glossary-page';
import { answerPageMessage } from '@/page/page-messages';
import { isURLEnabled } from '@/settings/is-url-enabled';
import { loadSettings, watchSettings } from '@/settings/store';
import type { Settings } from '@/settings/settings';
import type { CardEntry } from '@/glossary/display-types';
import highlightCss from './highlight.css?inline';
import './highlight.css';

// Injected again into a tab that already has us (install-time injection, reloads of the
// extension): the newest copy wins and the old one stands down via ctx.onInvalidated.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  // Frames too, but only same-origin ones do any work (see below).
  allFrames: true,
  matchAboutBlank: true,
  // WXT would otherwise window.postMessage a "script started" note naming our extension id to
  // every page (a fingerprint); its custom-event channel is enough to retire old copies.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // A cross-origin frame (ads, embeds) is another site's business: stop before any work.
    if (window !== window.top && !sameOriginAsTop()) return;
    const page = new GlossaryPage(document, {
      matcher,
      // Definitions live in the background; the card asks for one entry when it is needed.
      loadEntry: (index) => browser.runtime.sendMessage({ type: 'get-card-entry', index }) as Promise<CardEntry | null>,
      tooltipCss: `${tippyCss}\n${tooltipCss}`,
      highlightCss,
      onTermCount: (count) => {
        if (window === window.top) browser.runtime.sendMessage({ type: 'term-count', count }).catch(() => {});
      },
    });

    // The popup offers the PDF viewer where the browser shows a PDF (kind: application/pdf).
    const onMessage = (message: unknown) => answerPageMessage(page, message, { url: () => location.href, kind: () => document.contentType });
    browser.runtime.onMessage.addListener(onMessage);

    const apply = (s: Settings) => {
      page.setMode(s.mode);
      page.setStyle(s.style);
      if (isURLEnabled(s, location.href)) void page.start();
      else page.stop();
    };
    const unwatch = watchSettings(apply);
    ctx.onInvalidated(() => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      page.stop();
    });

    apply(await loadSettings());
  },
});

function sameOriginAsTop(): boolean {
  try {
    return window.top?.location.origin === location.origin;
  } catch {
    return false;
  }
}
