/**
 * Touch at 390×844 (Chromium's touch emulation): a tap on a term opens its card inside the window,
 * as a sheet across its foot (or its top, for a term down there), never over the term; a tap
 * elsewhere closes it, and a swipe across terms opens none.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, pageTerms, type ChromiumSession } from '../../harness/chromium';
import { CHROME_BUILD, requireBuild } from '../../harness/paths';
import { HIGHLIGHT_PREFIX, paintedRangesScript, tooltipTextScript } from '../../harness/page-probe';
import { serve, type StaticServer } from '../../harness/serve';

let session: ChromiumSession;
let server: StaticServer;
let page: Page;

beforeAll(async () => {
  server = await serve({ '/samples/': resolve('samples') });
  session = await launchChromium(requireBuild(CHROME_BUILD), { touch: true, viewport: { width: 390, height: 844 } });
  page = await session.context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(server.url('/samples/sample-paper.html'));
  await pageTerms(session, page);
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** A painted term, scrolled to the middle of the window; its centre in viewport coordinates. */
async function term(text: RegExp) {
  const first = (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).find((r) => text.test(r.text));
  expect(first, `a painted ${text}`).toBeTruthy();
  await page.evaluate((y) => window.scrollBy(0, y - innerHeight / 2), first!.y);
  return (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).find((r) => text.test(r.text))!;
}

const cardBox = () =>
  page.evaluate(() => {
    const b = document.querySelector('alignment-glossary-ui')?.shadowRoot?.querySelector('.tippy-box')?.getBoundingClientRect();
    return b ? { left: b.left, top: b.top, right: b.right, bottom: b.bottom } : null;
  });

describe('Chromium: touch at 390×844', () => {
  it('a tap on a term opens its card inside the window; a tap elsewhere closes it', async () => {
    const t = await term(/mesa-optimizer/i);
    await page.touchscreen.tap(t.x, t.y);
    await expect.poll(() => page.evaluate(tooltipTextScript), { timeout: 5000 }).toMatch(/mesa-optimi[sz]er/i);
    const box = (await cardBox())!;
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(390);
    expect(box.bottom).toBeLessThanOrEqual(844);
    // A sheet across the window's foot, 8 px from its edges, below the term.
    expect(box.right - box.left).toBeGreaterThanOrEqual(390 - 16 - 1);
    expect(box.bottom).toBeGreaterThanOrEqual(844 - 8 - 1);
    expect(box.top).toBeGreaterThan(t.y);
    await page.touchscreen.tap(5, 5);
    await expect.poll(() => page.evaluate(tooltipTextScript), { timeout: 5000 }).toBeNull();
  });

  it('for a term near the window’s foot the sheet stands at the top, so the term stays in view', async () => {
    // A term far enough down the page to be scrolled to 60 px above the window's foot.
    await page.evaluate(() => window.scrollTo(0, 0));
    const far = (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).find((r) => r.y > 900);
    expect(far, 'a painted term below the first screen').toBeTruthy();
    await page.evaluate((y) => window.scrollTo(0, y - (innerHeight - 60)), far!.y);
    const low = (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).find((r) => r.text === far!.text)!;
    expect(low.y).toBeGreaterThan(700);
    await page.touchscreen.tap(low.x, low.y);
    await expect.poll(() => page.evaluate(tooltipTextScript), { timeout: 5000 }).not.toBeNull();
    const box = (await cardBox())!;
    expect(box.top).toBeLessThanOrEqual(8 + 1);
    expect(box.right - box.left).toBeGreaterThanOrEqual(390 - 16 - 1);
    expect(box.bottom).toBeLessThan(low.y - 8);
    await page.touchscreen.tap(3, 620);
    await expect.poll(() => page.evaluate(tooltipTextScript), { timeout: 5000 }).toBeNull();
  });

  it('the popup opened as a page fits a 360 px phone without sideways scrolling', async () => {
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 360, height: 740 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.waitForSelector('#search');
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await popup.evaluate(() => document.body.getBoundingClientRect().width)).toBeGreaterThan(300);
    await popup.close();
  });

  it('a swipe that starts on a term opens no card', async () => {
    const t = await term(/mesa-optimizer/i);
    const cdp = await session.context.newCDPSession(page);
    const point = (y: number) => [{ x: t.x, y }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(t.y) });
    // Slower than the hover intent delay (250 ms), so a finger read as a hovering pointer would open it.
    for (let i = 1; i <= 8; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(t.y - i * 25) });
      await new Promise((r) => setTimeout(r, 60));
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
    // Longer than the hover intent delay: a card that were to open would be open by now.
    await page.waitForTimeout(1000);
    expect(await page.evaluate(tooltipTextScript)).toBeNull();
  });
});
