/**
 * Content script entry: wiring only. Composes the glossary page for this document, applies the
 * settings (and their changes, without a reload) and answers the get-page-terms message. All
 * logic lives in page/, matching/ and settings/.
 */
import { browser } from 'wxt/browser';
import matcher from 'virtual:glossary/matcher';
import { loadEntries } from 'virtual:glossary/entries';
import tooltipCss from '@/page/tooltip.css?inline';
import tippyCss from 'tippy.js/dist/tippy.css?inline';
import { GlossaryPage } from '@/page/glossary-page';
import { isGetPageTerms } from '@/messaging/contract';
import { isURLEnabled } from '@/settings/is-url-enabled';
import { loadSettings, watchSettings } from '@/settings/store';
import type { Settings } from '@/settings/settings';
import './highlight.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    const page = new GlossaryPage(document, {
      matcher,
      entries: loadEntries,
      tooltipCss: `${tippyCss}\n${tooltipCss}`,
    });

    const onMessage = (message: unknown) => {
      if (isGetPageTerms(message)) return Promise.resolve(page.report());
      return undefined;
    };
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
