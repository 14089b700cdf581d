/**
 * Content script entry, wiring only: settings, the light page (page/light/light-page.ts) and messages.
 * Listed by hand at document_start in wxt.config.ts (see document-idle.ts), without WXT's context.
 * Cost: compiled whole in every page and frame (platform/compile-hint-plugin.ts): keep it small.
 * Must never: work in a cross-origin frame, or import the full page, the UI or the glossary.
 */
import { contentBrowser } from '@/platform/content-browser';
import { typedSend, type Send } from '@/messaging/contract';
import { LightPage } from '@/page/light/light-page';
import { PAGE_UI_KEY, type PageFactory } from '@/page/shared/page-factory';
import { remoteMatchSource } from '@/page/shared/match-source';
import { readPageStart, settingsChangeIn } from '@/messaging/page-start';
import { answerPageMessage } from '@/page/shared/page-messages';
import { isURLEnabled } from '@/settings/is-url-enabled';
import type { Settings } from '@/settings/settings';
import { TOOLTIP_UI_KEY, type TooltipFactory } from '@/page/shared/tooltip';
import { startLifetime } from '@/platform/script-lifetime';
import { documentIdle } from '@/platform/document-idle';

export default defineUnlistedScript({
  async main() {
    // A cross-origin frame (ads, embeds) is another site's business: stop before any work.
    if (window !== window.top && !sameOriginAsTop()) return;
    const browser = await contentBrowser();

    // Injected again into a tab that already has us (install-time injection, an update): the
    // newest copy wins and the old one stands down.
    const runtimeId = browser.runtime.id;
    const lifetime = startLifetime(window, `${runtimeId}:alignment-glossary:started`, () => browser.runtime?.id === runtimeId);

    // Until the settings have arrived, the page is "scanning" to whoever asks.
    let page: LightPage | null = null;
    let latest: Settings | null = null;
    // The toolbar icon turns grey where the page is off; a page that is on says nothing.
    let off = false;
    const apply = (s: Settings) => {
      latest = s;
      if (!page) return;
      page.setMode(s.mode);
      page.setStyle(s.style);
      page.setCardDefinition(s.cardDefinition);
      page.setKnown(s.knownTerms, s.knownStyle);
      const on = isURLEnabled(s, location);
      if (on) void page.start();
      else page.stop();
      if (on === !off || window !== window.top) return;
      off = !on;
      send({ type: 'site-state', on }).catch(() => {});
    };

    // The popup offers the PDF viewer where the browser shows a PDF (kind: application/pdf).
    const onMessage = (message: unknown) => {
      // The background relays every change of the settings (messaging/page-start.ts).
      const changed = settingsChangeIn(message);
      if (changed) return void apply(changed);
      if ((message as { type?: unknown } | null)?.type === 'my-glossary-changed') return void page?.refresh();
      return answerPageMessage(page, message, { url: () => location.href, kind: () => document.contentType });
    };
    browser.runtime.onMessage.addListener(onMessage);
    lifetime.onEnd(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      page?.stop();
    });

    const send = typedSend((message) => browser.runtime.sendMessage(message));
    // Asked at document_start: a stopped service worker starts while the page loads. The page
    // itself is read only once it is idle, as a document_idle script would.
    const [start] = await Promise.all([readPageStart(send), documentIdle(document, window)]);
    if (lifetime.ended) return;
    page = new LightPage(document, {
      page: {
        // The background matches the page's text; the page scripts only read the DOM and paint.
        source: remoteMatchSource(send),
        // Definitions live in the background; the card asks for one entry when it is needed.
        loadEntry: (index) => send({ type: 'get-card-entry', index }),
        loadTooltip: () => loadFromBackground<TooltipFactory>(send, TOOLTIP_UI_KEY, 'load-tooltip-ui'),
        // Only first occurrences are painted by default: count the rest when the popup asks.
        countLater: true,
        onTermCount: (count) => {
          if (window === window.top) send({ type: 'term-count', count }).catch(() => {});
        },
        onMarkKnown: (id, known) => void send({ type: 'set-known', id, known }).catch(() => {}),
        // The background keeps the history, if the reader wants one, and adds the address only if asked.
        onLookUp: (id) => void send({ type: 'record-lookup', id }).catch(() => {}),
      },
      loadPage: () => loadFromBackground<PageFactory>(send, PAGE_UI_KEY, 'load-page-ui'),
    });
    // A change that arrived while reading wins over what was read.
    apply(latest ?? start.settings);
  },
});

/**
 * The full page and the tooltip UI are separate scripts the background injects into this world
 * on first need; each leaves its factory on the world's global under `key`.
 */
async function loadFromBackground<T>(send: Send, key: string, type: 'load-page-ui' | 'load-tooltip-ui'): Promise<T> {
  const world = globalThis as unknown as Record<string, T | undefined>;
  if (!world[key]) await send({ type });
  const factory = world[key];
  if (!factory) throw new Error(`${type}: the script did not load`);
  return factory;
}

function sameOriginAsTop(): boolean {
  try {
    return window.top?.location.origin === location.origin;
  } catch {
    return false;
  }
}
