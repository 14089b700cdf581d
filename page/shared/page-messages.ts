/**
 * Page messages: how a glossary page (content script or PDF viewer) answers the popup and the
 * background; `answerPageMessage` gives undefined for a message it does not know.
 * Cost: one type test per known message.
 * Must never: hold extension APIs, or change the replies' shapes (messaging/contract.ts).
 */
import { handle, type PageTermsReport } from '../../messaging/contract';

/** What a page answers with: the full glossary page, or the light page standing in for it. */
export interface AnsweringPage {
  report(): PageTermsReport;
  reveal(id: string): boolean | Promise<boolean>;
  step(direction?: 1 | -1): string | null | Promise<string | null>;
  showEntryAt(id: string, rect: DOMRect): boolean | Promise<boolean>;
}

export interface PageIdentity {
  /** The address the page stands for (the PDF's, in the viewer). */
  url(): string;
  /** The document's content type, or 'pdf-viewer'. */
  kind(): string;
  /** The get-page-terms reply; defaults to the page's own report. */
  report?(): PageTermsReport;
}

/** What a page answers before its settings and matcher have arrived. */
export const NOT_READY: PageTermsReport = { status: 'scanning', scannedChars: 0, scanMs: 0, terms: [], openTooltip: null };

/** `page` is null while the page is still starting: it is then "scanning" and has no terms. */
export function answerPageMessage(page: AnsweringPage | null, message: unknown, who: PageIdentity): Promise<unknown> | undefined {
  return handle(
    {
      'get-page-url': () => who.url(),
      'get-page-kind': () => who.kind(),
      'get-page-terms': () => (who.report ? who.report() : page ? page.report() : NOT_READY),
      'reveal-term': (m) => page?.reveal(m.id),
      'step-term': (m) => page?.step(m.direction ?? 1),
      'show-entry': (m) => {
        if (!page) return undefined;
        const sel = getSelection();
        const rect = sel && sel.rangeCount ? sel.getRangeAt(0).getBoundingClientRect() : new DOMRect(innerWidth / 2, 80, 0, 0);
        return page.showEntryAt(m.id, rect);
      },
    },
    message,
    null,
  );
}
