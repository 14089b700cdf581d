/**
 * `npx tsx scripts/make-line-break-pdf.ts`: prints tests/fixtures/pdf-lines/line-breaks.html
 * (a two-column, justified fixture paper whose glossary terms are broken across line ends at
 * planted places, see line-breaks.expected.json) to line-breaks.pdf next to it.
 * Needs Debian's Chromium at /usr/bin/chromium (via playwright-core); downloads nothing.
 * The PDF is committed, so only rerun this after editing the HTML.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const DIR = resolve('tests/fixtures/pdf-lines');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(resolve(DIR, 'line-breaks.html')).href);
  await page.pdf({
    path: resolve(DIR, 'line-breaks.pdf'),
    format: 'A4',
    printBackground: true,
    margin: { top: '20mm', bottom: '22mm', left: '18mm', right: '18mm' },
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: '<div style="width:100%;text-align:center;font:8pt \'Liberation Serif\',serif"><span class="pageNumber"></span></div>',
  });
  console.log(`wrote ${resolve(DIR, 'line-breaks.pdf')}`);
} finally {
  await browser.close();
}
