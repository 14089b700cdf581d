/**
 * The real pages (tests/fixtures/real-pages): their names, kinds and expected terms, and how a
 * reader reads one: a web page in a tab, every collapsed aside (<details>) opened as one reading
 * the whole page would; a paper (kind "pdf") printed to PDF and opened in the extension's viewer.
 * Shared by the end-to-end test and `npm run reading:report`.
 * Must never: fetch anything; every page is a local fixture.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pageTerms, tabIdOf, viewerTerms, type ChromiumSession } from './chromium';
import type { StaticServer } from './serve';
import { htmlToPdf } from './test-pdf';
import type { PageTermsReport } from '../messaging/contract';

export const REAL_PAGES = resolve('tests/fixtures/real-pages');

export const realPageNames = (): string[] =>
  readdirSync(REAL_PAGES)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replace(/\.html$/, ''))
    .sort();

/** The terms a reader would want explained (none on a page not about AI). */
export const realPageExpected = (name: string): string[] =>
  readFileSync(join(REAL_PAGES, `${name}.expected.txt`), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export const realPageKind = (name: string): string => name.split('-')[0]!;

/**
 * Expected terms the extension knowingly leaves unexplained on a page, from `<name>.gaps.txt`
 * (one per line; lines starting with # say why). Empty when the page has none.
 */
export const realPageGaps = (name: string): string[] => {
  const file = join(REAL_PAGES, `${name}.gaps.txt`);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
};

/** `server` mounts REAL_PAGES at /real/ and `pdfDir` at /pdf/. */
export async function readRealPage(session: ChromiumSession, server: StaticServer, pdfDir: string, name: string): Promise<PageTermsReport> {
  const page = await session.context.newPage();
  page.setDefaultTimeout(30_000);
  try {
    if (realPageKind(name) !== 'pdf') {
      await page.goto(server.url(`/real/${name}.html`));
      const first = await pageTerms(session, page, 30_000);
      const opened = await page.evaluate(() => {
        const closed = [...document.querySelectorAll('details:not([open])')] as HTMLDetailsElement[];
        for (const d of closed) d.open = true;
        return closed.length;
      });
      if (opened === 0) return first;
      // The extension reads an aside when it opens; wait until it has read more of the page.
      const t0 = Date.now();
      for (;;) {
        const report = await pageTerms(session, page, 30_000);
        if (report.scannedChars > first.scannedChars) return report;
        if (Date.now() - t0 > 30_000) throw new Error(`${name}: the opened asides were not read`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    writeFileSync(join(pdfDir, `${name}.pdf`), await htmlToPdf(readFileSync(join(REAL_PAGES, `${name}.html`), 'utf8')));
    const file = encodeURIComponent(server.url(`/pdf/${name}.pdf`));
    await page.goto(`chrome-extension://${session.extensionId}/pdf-viewer.html?file=${file}`);
    return await viewerTerms(session, await tabIdOf(session, page), (r) => r.status === 'done', 60_000);
  } finally {
    await page.close();
  }
}
