/**
 * The arXiv option: the viewer's file for an arXiv PDF a tab has just navigated to, or null when
 * the option is off or the tab comes back from our viewer (the browser's viewer stays reachable).
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
