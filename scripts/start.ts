/**
 * `npm start`: build the Chromium extension and open it on the bundled sample paper: in a window
 * with a display (close it to stop), else headless, writing screenshots of the page, a tooltip and
 * the popup to artifacts/screenshots/. Cost: a build and one Chromium.
 * Must never: download a browser (it uses Debian's chromium, or CHROMIUM_PATH).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, pageTerms, tabIdOf, type ChromiumSession } from '../harness/chromium';
import { HIGHLIGHT_PREFIX, paintedRangesScript, scrollToRangeScript } from '../harness/page-probe';
import { serve } from '../harness/serve';

const OUT = resolve('artifacts/screenshots');
const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.HEADLESS !== '1';

console.log('Building the extension for Chromium…');
execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
const ext = resolve('.output/chrome-mv3');
const server = await serve({ '/': resolve('samples') });
const paper = server.url('/sample-paper.html');

if (hasDisplay) {
  const session = await launchChromium(ext, { headless: false, viewport: null });
  const page = await session.context.newPage();
  await page.goto(paper);
  console.log(`Chromium is open on ${paper} with the extension loaded. Hover a dotted term; close the window to stop.`);
  await new Promise<void>((done) => session.context.on('close', () => done()));
  await server.close();
} else {
  console.log('No display: running headless and writing screenshots.');
  mkdirSync(OUT, { recursive: true });
  const written: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    const session = await launchChromium(ext, { colorScheme: scheme, viewport: { width: 1100, height: 760 } });
    try {
      written.push(...(await screenshots(session, paper, scheme)));
    } finally {
      await session.close();
    }
  }
  await server.close();
  console.log(`Screenshots:\n  ${written.join('\n  ')}`);
}

async function screenshots(session: ChromiumSession, url: string, scheme: 'light' | 'dark'): Promise<string[]> {
  const out: string[] = [];
  const page = await session.context.newPage();
  await page.goto(url);
  const report = await pageTerms(session, page);
  console.log(
    `[${scheme}] ${report.terms.length} terms on the sample paper, scanned ${report.scannedChars} characters in ${report.scanMs} ms`,
  );
  const shot = async (p: Page, name: string) => {
    const file = `${OUT}/${name}-${scheme}.png`;
    await p.screenshot({ path: file });
    out.push(file);
  };
  await shot(page, 'page');

  const target = 'mesa-optimizer';
  await page.evaluate(scrollToRangeScript, { prefix: HIGHLIGHT_PREFIX, text: target });
  const box = (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).find((r) => r.text === target);
  if (!box) throw new Error(`"${target}" is not highlighted on the sample paper`);
  await page.mouse.move(box.x, box.y, { steps: 3 });
  await page.waitForFunction(() => !!document.querySelector('alignment-glossary-ui')?.shadowRoot?.querySelector('.tippy-box'));
  await page.waitForTimeout(250); // let the fade-in finish
  await shot(page, 'tooltip');

  const tabId = await tabIdOf(session, page);
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('.page-terms button');
  await shot(popup, 'popup');
  await popup.fill('#search', 'goodheart');
  await popup.waitForSelector('#results [role=option]');
  await shot(popup, 'popup-search');
  await popup.keyboard.press('Enter');
  await popup.waitForSelector('.entry');
  await shot(popup, 'popup-entry');
  return out;
}
