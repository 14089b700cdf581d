import { describe, expect, it } from 'vitest';
import {
  arxivHtmlUrl,
  arxivIdFromUrl,
  fileFromViewerSearch,
  isArxivPdf,
  isLikelyPdfUrl,
  isPdfPage,
  isViewerUrl,
  viewerUrlFor,
} from '../../pdf/pdf-url';
import { arxivAutoOpenTarget } from '../../background/pdf-open';

describe('PDF URL detection', () => {
  it.each([
    ['https://example.org/papers/risks.pdf', true],
    ['https://example.org/papers/RISKS.PDF', true],
    ['https://example.org/paper.pdf?download=1', true],
    ['https://example.org/paper.pdf#page=3', true],
    ['file:///home/me/papers/mesa.pdf', true],
    ['https://arxiv.org/pdf/1906.01820', true],
    ['https://arxiv.org/pdf/1906.01820v3', true],
    ['http://export.arxiv.org/pdf/2401.12345', true],
    ['https://arxiv.org/pdf/hep-th/9901001v1', true],
    ['https://arxiv.org/abs/1906.01820', false],
    ['https://example.org/pdf-tools.html', false],
    ['https://example.org/view?file=paper.pdf', false],
    ['https://notarxiv.org/pdf/1906.01820', false],
    ['ftp://example.org/paper.pdf', false],
    ['chrome://settings/a.pdf', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isLikelyPdfUrl(url)).toBe(expected);
  });

  it('trusts the document type where the browser reports one', () => {
    expect(isPdfPage('https://example.org/download?id=7', 'application/pdf')).toBe(true);
    expect(isPdfPage('https://example.org/download?id=7', 'text/html')).toBe(false);
    expect(isPdfPage('https://example.org/a.pdf', 'text/html')).toBe(true);
    expect(isPdfPage('chrome://newtab/', 'application/pdf')).toBe(false);
  });
});

describe('arXiv', () => {
  it.each([
    ['https://arxiv.org/pdf/1906.01820', '1906.01820', 'https://arxiv.org/html/1906.01820'],
    ['https://arxiv.org/pdf/2401.12345v2', '2401.12345v2', 'https://arxiv.org/html/2401.12345v2'],
    ['https://arxiv.org/pdf/2401.12345v2.pdf', '2401.12345v2', 'https://arxiv.org/html/2401.12345v2'],
    ['https://www.arxiv.org/abs/2401.12345', '2401.12345', 'https://arxiv.org/html/2401.12345'],
    ['https://arxiv.org/pdf/cs/0101001', 'cs/0101001', 'https://arxiv.org/html/cs/0101001'],
    ['https://arxiv.org/pdf/math.GT/0309136v1', 'math.GT/0309136v1', 'https://arxiv.org/html/math.GT/0309136v1'],
  ])('%s has id %s and HTML version %s', (url, id, html) => {
    expect(arxivIdFromUrl(url)).toBe(id);
    expect(arxivHtmlUrl(url)).toBe(html);
  });

  it.each([
    'https://arxiv.org/list/cs.AI/recent',
    'https://arxiv.org/pdf/',
    'https://arxiv.org/pdf/../../etc',
    'https://example.org/pdf/1906.01820',
    'javascript:alert(1)',
  ])('%s is not a paper', (url) => {
    expect(arxivIdFromUrl(url)).toBeNull();
    expect(arxivHtmlUrl(url)).toBeNull();
    expect(isArxivPdf(url)).toBe(false);
  });

  it('only /pdf/ addresses are arXiv PDFs', () => {
    expect(isArxivPdf('https://arxiv.org/pdf/1906.01820')).toBe(true);
    expect(isArxivPdf('https://arxiv.org/abs/1906.01820')).toBe(false);
    expect(isArxivPdf('https://arxiv.org/html/1906.01820')).toBe(false);
  });
});

describe('viewer addresses', () => {
  const base = 'chrome-extension://abc/pdf-viewer.html';

  it('round-trips the PDF address through ?file=, without its fragment', () => {
    const url = viewerUrlFor(base, 'https://example.org/a b.pdf?x=1&y=2#page=4');
    expect(url.startsWith(`${base}?file=`)).toBe(true);
    expect(fileFromViewerSearch(new URL(url).search)).toBe('https://example.org/a%20b.pdf?x=1&y=2');
    expect(isViewerUrl(url, base)).toBe(true);
    expect(isViewerUrl('chrome-extension://abc/pdf-viewer.html.evil', base)).toBe(false);
  });

  it('refuses addresses the viewer must not fetch', () => {
    for (const file of ['javascript:alert(1)', 'data:application/pdf;base64,JVBERi0=', 'chrome://settings', 'relative/path.pdf', '']) {
      expect(fileFromViewerSearch(`?${new URLSearchParams({ file })}`)).toBeNull();
    }
    expect(fileFromViewerSearch('')).toBeNull();
    expect(fileFromViewerSearch('?file=file%3A%2F%2F%2Ftmp%2Fa.pdf')).toBe('file:///tmp/a.pdf');
  });
});

describe('arXiv auto-open', () => {
  const pdf = 'https://arxiv.org/pdf/1906.01820v3';

  it('opens arXiv PDFs only when the option is on', () => {
    expect(arxivAutoOpenTarget(pdf, true, undefined)).toBe(pdf);
    expect(arxivAutoOpenTarget(pdf, false, undefined)).toBeNull();
    expect(arxivAutoOpenTarget('https://arxiv.org/abs/1906.01820', true, undefined)).toBeNull();
    expect(arxivAutoOpenTarget('https://example.org/a.pdf', true, undefined)).toBeNull();
  });

  it("lets the reader go back from the viewer to the browser's own viewer of the same PDF", () => {
    expect(arxivAutoOpenTarget(pdf, true, pdf)).toBeNull();
    expect(arxivAutoOpenTarget(`${pdf}#page=2`, true, pdf)).toBeNull();
    expect(arxivAutoOpenTarget('https://arxiv.org/pdf/2401.00001', true, pdf)).toBe('https://arxiv.org/pdf/2401.00001');
  });
});
