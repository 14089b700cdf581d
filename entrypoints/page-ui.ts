/**
 * Full page script (page/full/glossary-page.ts: walker, index, painter, hover), kept out of the content
 * script; injected into a frame's content-script world on its first term or card request.
 * Cost: compiled only in frames that have a term or a card to show.
 * Must never: leave its factory where the page can see it (page/shared/page-factory.ts says where).
 */
import highlightCss from '@/entrypoints/highlight.css?inline';
import { GlossaryPage } from '@/page/full/glossary-page';
import { PAGE_UI_KEY, type PageFactory } from '@/page/shared/page-factory';

export default defineUnlistedScript(() => {
  // The ::highlight rules for open shadow roots travel with the page that paints, not with the
  // content script every page compiles.
  const factory: PageFactory = (doc, options) => new GlossaryPage(doc, { highlightCss, ...options });
  (globalThis as unknown as Record<string, PageFactory>)[PAGE_UI_KEY] = factory;
});
