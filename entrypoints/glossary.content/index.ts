/**
 * Content script entry: wiring only. Composes the glossary page for this document and answers
 * the get-page-terms message. All logic lives in page/ and matching/.
 */
import { browser } from 'wxt/browser';
import matcher from 'virtual:glossary/matcher';
import { loadEntries } from 'virtual:glossary/entries';
import tooltipCss from '@/page/tooltip.css?inline';
import tippyCss from 'tippy.js/dist/tippy.css?inline';
import { GlossaryPage } from '@/page/glossary-page';
import { isGetPageTerms } from '@/messaging/contract';
import './highlight.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
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
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      page.stop();
    });

    void page.start();
  },
});
