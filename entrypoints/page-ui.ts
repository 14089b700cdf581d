/**
 * Full page script: the text walker, term index, painter, hover tracker and the rest of the
 * glossary page (page/glossary-page.ts), kept out of the content script that every page loads.
 * The background injects it into a frame's content-script world the first time the light page
 * (page/light-page.ts) finds something to walk there, or a card is asked for; it leaves its
 * factory on that world's global, which the page itself cannot see.
 */
import highlightCss from '@/entrypoints/highlight.css?inline';
import { GlossaryPage } from '@/page/glossary-page';
import { PAGE_UI_KEY, type PageFactory } from '@/page/page-factory';

export default defineUnlistedScript(() => {
  // The ::highlight rules for open shadow roots travel with the page that paints, not with the
  // content script every page compiles.
  const factory: PageFactory = (doc, options) => new GlossaryPage(doc, { highlightCss, ...options });
  (globalThis as unknown as Record<string, PageFactory>)[PAGE_UI_KEY] = factory;
});
