/**
 * `npm run screenshots:store`: the 1280×800 screenshots the stores ask for, in
 * docs/store/screenshots/: a card on the sample paper, the popup's search, a paper's own term, and
 * the welcome page. Needs `npm run build` and Chromium (CHROMIUM_PATH). Must never: download a browser.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, pageTerms, type ChromiumSession } from '../harness/chromium';
import { HIGHLIGHT_PREFIX, paintedRangesScript, scrollToRangeScript } from '../harness/page-probe';
import { serve } from '../harness/serve';
import { CHROME_BUILD, requireBuild } from '../harness/paths';

const OUT = resolve('docs/store/screenshots');
const SIZE = { width: 1280, height: 800 };
mkdirSync(OUT, { recursive: true });
const server = await serve({ '/samples/': resolve('samples'), '/d/': resolve('tests/fixtures/definitions') });
const session = await launchChromium(requireBuild(CHROME_BUILD), { viewport: SIZE, keepWelcome: true });

async function hover(page: Page, text: string): Promise<void> {
  await page.evaluate(scrollToRangeScript, { prefix: HIGHLIGHT_PREFIX, text });
  const box = (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).find((r) => r.text === text);
  if (!box) throw new Error(`"${text}" is not highlighted`);
  await page.mouse.move(box.x - 30, box.y + 30);
  await page.mouse.move(box.x, box.y, { steps: 4 });
  await page.waitForFunction(() => !!document.querySelector('alignment-glossary-ui')?.shadowRoot?.querySelector('.tippy-box'));
  await page.waitForTimeout(400);
}

async function shots(s: ChromiumSession): Promise<void> {
  // The install opens the welcome page a moment after the worker starts.
  let welcome: Page | undefined;
  for (let i = 0; i < 50 && !welcome; i++) {
    welcome = s.context.pages().find((p) => p.url().endsWith('/welcome.html'));
    if (!welcome) await new Promise((r) => setTimeout(r, 200));
  }
  if (welcome) {
    await welcome.setViewportSize(SIZE);
    await welcome.waitForTimeout(800);
    await welcome.screenshot({ path: `${OUT}/4-welcome.png` });
  }
  const page = await s.context.newPage();
  await page.setViewportSize(SIZE);
  await page.goto(server.url('/samples/sample-paper.html'));
  await pageTerms(s, page);
  await hover(page, 'mesa-optimizer');
  await page.screenshot({ path: `${OUT}/1-card.png` });

  const own = await s.context.newPage();
  await own.setViewportSize(SIZE);
  await own.goto(server.url('/d/latexml-paper.html'));
  await pageTerms(s, own);
  await own.evaluate(() => (document.body.style.cssText = 'max-width: 860px; margin: 40px auto; font: 19px/1.6 Georgia, serif;'));
  await hover(own, 'CCFT');
  await own.screenshot({ path: `${OUT}/3-defined-on-this-page.png` });

  // The popup is a 380 px page; shown over the paper it belongs to.
  const popup = await s.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
  await popup.fill('#search', 'goodheart');
  await popup.waitForSelector('#results [role=option]');
  const png = (await popup.screenshot()).toString('base64');
  await page.mouse.move(5, 5);
  await page.evaluate((src) => {
    const img = document.createElement('img');
    img.src = `data:image/png;base64,${src}`;
    img.style.cssText =
      'position:fixed;top:24px;right:40px;width:380px;box-shadow:0 8px 32px rgba(0,0,0,.35);border-radius:8px;z-index:9999';
    document.documentElement.append(img);
  }, png);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/2-popup-search.png` });
}

await shots(session);
await session.close();
await server.close();
console.log(`screenshots written to ${OUT}`);
