/**
 * PDF addresses: which URLs name a PDF by their shape alone, the viewer's `?file=<url>` address,
 * and arXiv's PDF -> HTML mapping. Cost: one URL parse per call. Must never: fetch anything (so an
 * arXiv HTML version is worded "if available"), or accept a scheme the viewer cannot fetch.
 */

/** Schemes the viewer can open. `file:` needs the browser's file-access switch (see viewer). */
const FETCHABLE = new Set(['http:', 'https:', 'file:']);

const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);

/** New-style (2401.12345, optional version) and old-style (hep-th/9901001, cs.AI/0101001) ids. */
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A URL the viewer can be asked to open: http(s) or file, nothing else. */
export function isFetchablePdfSource(url: string): boolean {
  const u = parse(url);
  return !!u && FETCHABLE.has(u.protocol);
}

/** The arXiv id (with version, if any) of an arXiv /pdf/ or /abs/ or /html/ URL; else null. */
export function arxivIdFromUrl(url: string): string | null {
  const u = parse(url);
  if (!u || !/^https?:$/.test(u.protocol) || !ARXIV_HOSTS.has(u.hostname.toLowerCase())) return null;
  const m = /^\/(?:pdf|abs|html)\/(.+?)(?:\.pdf)?\/?$/.exec(u.pathname);
  if (!m) return null;
  const id = decodeURIComponent(m[1]!);
  return ARXIV_ID.test(id) ? id : null;
}

/** Whether the URL is an arXiv PDF (arxiv.org/pdf/<id>, with or without .pdf). */
export function isArxivPdf(url: string): boolean {
  const u = parse(url);
  return !!u && /^\/pdf\//.test(u.pathname) && arxivIdFromUrl(url) !== null;
}

/** The HTML version's address for an arXiv paper (which may not exist for older papers). */
export function arxivHtmlUrl(url: string): string | null {
  const id = arxivIdFromUrl(url);
  return id ? `https://arxiv.org/html/${id}` : null;
}

/** Whether a URL names a PDF by its shape: a path ending in .pdf, or an arXiv PDF link. */
export function isLikelyPdfUrl(url: string): boolean {
  const u = parse(url);
  if (!u || !FETCHABLE.has(u.protocol)) return false;
  return /\.pdf$/i.test(u.pathname) || isArxivPdf(url);
}

/** Whether a page is a PDF: by the document's content type when known, else by its URL. */
export function isPdfPage(url: string, contentType?: string | null): boolean {
  if (contentType && /^application\/(x-)?pdf\b/i.test(contentType)) return isFetchablePdfSource(url);
  return isLikelyPdfUrl(url);
}

/** `<viewer>?file=<url>`, the fragment (a page or a find, for the browser's viewer) left off. */
export function viewerUrlFor(viewerBase: string, pdfUrl: string): string {
  const u = parse(pdfUrl);
  const file = u ? ((u.hash = ''), u.href) : pdfUrl;
  return `${viewerBase}?${new URLSearchParams({ file })}`;
}

/** The PDF a viewer URL's query names, or null when it is missing or not fetchable. */
export function fileFromViewerSearch(search: string): string | null {
  const file = new URLSearchParams(search).get('file');
  return file && isFetchablePdfSource(file) ? file : null;
}

/** Whether `url` is one of our viewer pages (so the popup talks to it by runtime messages). */
export function isViewerUrl(url: string, viewerBase: string): boolean {
  return url === viewerBase || url.startsWith(`${viewerBase}?`) || url.startsWith(`${viewerBase}#`);
}

/** Link-context-menu patterns for PDF links (match patterns: the path part includes the query). */
export const PDF_LINK_PATTERNS = [
  '*://*/*.pdf',
  '*://*/*.PDF',
  '*://*/*.pdf?*',
  '*://*/*.pdf#*',
  'file:///*.pdf',
  '*://arxiv.org/pdf/*',
  '*://www.arxiv.org/pdf/*',
  '*://export.arxiv.org/pdf/*',
];
