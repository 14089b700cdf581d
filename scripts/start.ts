/**
 * `npm start`: find a browser first (scripts/find-browser.ts; stop at once, naming the install
 * command, when there is none), then build and open the extension on the bundled sample paper: in
 * a window with a display, else headless, writing screenshots to artifacts/screenshots/.
 * `npm start -- --firefox` uses Firefox. Must never: download a browser.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { findBrowser } from './find-browser';

const firefox = process.argv.includes('--firefox');
const found = findBrowser(firefox ? 'firefox' : 'chromium');
if ('message' in found) {
  console.error(found.message);
  process.exit(1);
}
// The harness reads the path when it loads: set it first, then load it.
process.env[firefox ? 'FIREFOX_PATH' : 'CHROMIUM_PATH'] = found.path;
const { launchChromium, pageTerms, tabIdOf } = await import('../harness/chromium');
type ChromiumSession = import('../harness/chromium').ChromiumSession;
const { HIGHLIGHT_PREFIX, paintedRangesScript, scrollToRangeScript } = await import('../harness/page-probe');
const { serve } = await import('../harness/serve');

const OUT = resolve('artifacts/screenshots');
const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.HEADLESS !== '1';

if (firefox) {
  console.log(`Building the extension for Firefox (${found.path})…`);
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
  const server = await serve({ '/': resolve('samples') });
  const paper = server.url('/sample-paper.html');
  if (hasDisplay) {
    console.log(`Opening Firefox on ${paper}; close it to stop.`);
    execFileSync('npx', ['web-ext', 'run', '--source-dir', '.output/firefox-mv2', '--firefox', found.path, '--start-url', paper], {
      stdio: 'inherit',
    });
  } else {
    const { launchFirefox, pageTermsIn } = await import('../harness/firefox');
    const session = await launchFirefox(resolve('.output/firefox-mv2'));
    const page = await session.browser.newPage();
    await page.goto(paper);
    const report = await pageTermsIn(session, paper);
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: `${OUT}/page-firefox.png` });
    console.log(`No display: ${report.terms.length} terms on the sample paper in Firefox; screenshot ${OUT}/page-firefox.png`);
    await session.close();
  }
  await server.close();
  process.exit(0);
}

console.log(`Building the extension for Chromium (${found.path})…`);
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
