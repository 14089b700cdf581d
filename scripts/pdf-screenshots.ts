/**
 * `npm run screenshots:pdf`: the README's pictures of the PDF viewer. Builds the Chromium
 * extension, prints the test paper (harness/test-pdf.ts), opens it in the viewer in headless
 * Chromium, hovers a term and writes docs/screenshots/pdf-viewer-{light,dark}.png.
 * Must never: download a browser or anything else (the PDF is made and served locally).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, tabIdOf, viewerTerms } from '../harness/chromium';
import { HIGHLIGHT_PREFIX, paintedRangesScript, tooltipTextScript } from '../harness/page-probe';
import { serve } from '../harness/serve';
import { makePaperPdf } from '../harness/test-pdf';

const OUT = resolve('docs/screenshots');
execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
const dir = mkdtempSync(join(tmpdir(), 'agc-shot-'));
writeFileSync(join(dir, 'learned-optimization.pdf'), await makePaperPdf());
const server = await serve({ '/papers/': dir });
mkdirSync(OUT, { recursive: true });
try {
  for (const scheme of ['light', 'dark'] as const) {
    const session = await launchChromium(resolve('.output/chrome-mv3'), { colorScheme: scheme, viewport: { width: 1100, height: 760 } });
    try {
      const page = await session.context.newPage();
      const file = server.url('/papers/learned-optimization.pdf');
      await page.goto(`chrome-extension://${session.extensionId}/pdf-viewer.html?file=${encodeURIComponent(file)}`);
      const tabId = await tabIdOf(session, page);
      await viewerTerms(session, tabId, (r) => r.status === 'done' && r.terms.some((t) => t.id === 'goodharts-law'));
      await page.waitForSelector('.page canvas');
      const find = async () => (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).find((p) => /goodhart/i.test(p.text));
      const first = await find();
      if (!first) throw new Error('no painted "Goodhart\'s law"');
      // The term near the top, so its card opens below it with the paper around.
      await page.evaluate((dy) => window.scrollBy(0, dy), first.y - 130);
      await page.waitForTimeout(300);
      const target = (await find())!;
      await page.mouse.move(target.x - 30, target.y + 30);
      await page.mouse.move(target.x, target.y, { steps: 4 });
      await page.waitForFunction(tooltipTextScript, undefined, { timeout: 5000 });
      await page.waitForTimeout(400); // the card's fade-in
      const path = join(OUT, `pdf-viewer-${scheme}.png`);
      await page.screenshot({ path });
      console.log(`wrote ${path}`);
    } finally {
      await session.close();
    }
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
