/**
 * Content script entry: wiring only. Reads the settings (messaging/page-start),
 * composes the glossary page for this document, applies the settings (and their changes, without
 * a reload) and answers messages from the popup and the background. All logic lives in page/,
 * matching/, messaging/ and settings/.
 */
import { browser } from 'wxt/browser';
import { GlossaryPage } from '@/page/glossary-page';
import { remoteMatchSource } from '@/page/match-source';
import { readPageStart } from '@/messaging/page-start';
import { answerPageMessage } from '@/page/page-messages';
import { isURLEnabled } from '@/settings/is-url-enabled';
import { followSettings } from '@/settings/read-settings';
import type { Settings } from '@/settings/settings';
import type { CardEntry } from '@/glossary/display-types';
import { TOOLTIP_UI_KEY, type TooltipFactory } from '@/page/tooltip';
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

    // Until the settings have arrived, the page is "scanning" to whoever asks.
    let page: GlossaryPage | null = null;
    let latest: Settings | null = null;
    const apply = (s: Settings) => {
      latest = s;
      if (!page) return;
      page.setMode(s.mode);
      page.setStyle(s.style);
      if (isURLEnabled(s, location)) void page.start();
      else page.stop();
    };

    // The popup offers the PDF viewer where the browser shows a PDF (kind: application/pdf).
    const onMessage = (message: unknown) => answerPageMessage(page, message, { url: () => location.href, kind: () => document.contentType });
    browser.runtime.onMessage.addListener(onMessage);
    const unwatch = followSettings(apply);
    ctx.onInvalidated(() => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      page?.stop();
    });

    const start = await readPageStart();
    if (ctx.isInvalid) return;
    page = new GlossaryPage(document, {
      // The background matches the page's text; this script only walks the DOM and paints.
      source: remoteMatchSource((message) => browser.runtime.sendMessage(message)),
      // Definitions live in the background; the card asks for one entry when it is needed.
      loadEntry: (index) => browser.runtime.sendMessage({ type: 'get-card-entry', index }) as Promise<CardEntry | null>,
      loadTooltip,
      highlightCss,
      onTermCount: (count) => {
        if (window === window.top) browser.runtime.sendMessage({ type: 'term-count', count }).catch(() => {});
      },
    });
    // A change that arrived while reading wins over what was read.
    apply(latest ?? start.settings);
  },
});


/** The tooltip UI is a separate script the background injects into this world on first need. */
async function loadTooltip(): Promise<TooltipFactory> {
  const world = globalThis as unknown as Record<string, TooltipFactory | undefined>;
  if (!world[TOOLTIP_UI_KEY]) await browser.runtime.sendMessage({ type: 'load-tooltip-ui' });
  const factory = world[TOOLTIP_UI_KEY];
  if (!factory) throw new Error('tooltip UI did not load');
  return factory;
}

function sameOriginAsTop(): boolean {
  try {
    return window.top?.location.origin === location.origin;
  } catch {
    return false;
  }
}
