/**
 * `npx tsx scripts/make-line-break-pdf.ts`: prints tests/fixtures/pdf-lines/line-breaks.html (a
 * two-column, justified paper whose terms break across line ends at planted places, see
 * line-breaks.expected.json) to line-breaks.pdf beside it; the PDF is committed, so rerun this
 * only after editing the HTML. Cost: one /usr/bin/chromium run. Must never: download anything.
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
