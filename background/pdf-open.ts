/**
 * When to open a PDF in the glossary's viewer on the reader's behalf (the arXiv option).
 *
 * What it does: `arxivAutoOpenTarget(url, lastViewerFile)` returns the viewer's file for an
 * arXiv PDF the tab has just navigated to, or null: not when the option is off, not for other
 * URLs, and not when the tab is coming back from our viewer to that same PDF (Back, or the
 * viewer's "Original PDF" link), so the reader can always reach the browser's own viewer.
 * Cost: one URL parse per tab URL change while the option is on.
 * Must never: redirect anything but arxiv.org/pdf/ addresses.
 */
import { isArxivPdf } from '../pdf/pdf-url';

const withoutHash = (url: string) => url.replace(/#.*$/, '');

export function arxivAutoOpenTarget(url: string, enabled: boolean, lastViewerFile: string | undefined): string | null {
  if (!enabled || !isArxivPdf(url)) return null;
  if (lastViewerFile !== undefined && withoutHash(lastViewerFile) === withoutHash(url)) return null;
  return withoutHash(url);
}
