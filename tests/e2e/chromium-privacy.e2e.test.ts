/**
 * Privacy: across a browsing session (several pages, hovering, the popup, search, the site
 * switch, the options page), every request Chromium makes is one the pages themselves made.
 * The extension makes none.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, pageTerms, tabIdOf, type ChromiumSession } from '../../harness/chromium';
import { CHROME_BUILD, requireBuild } from '../../harness/paths';
import { HIGHLIGHT_PREFIX, paintedRangesScript } from '../../harness/page-probe';
import { serve, SHARED_PAGES, type StaticServer } from '../../harness/serve';

let session: ChromiumSession;
let server: StaticServer;
const requests: { url: string; from: string }[] = [];

beforeAll(async () => {
  // Make Playwright report the service worker's requests too (the background's network).
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  server = await serve({ '/pages/': SHARED_PAGES, '/samples/': resolve('samples') });
  session = await launchChromium(requireBuild(CHROME_BUILD));
  session.context.on('request', (r) => {
    const frame = (() => {
      try {
        return r.frame().url();
      } catch {
        return 'service worker';
      }
    })();
    requests.push({ url: r.url(), from: frame });
  });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Chromium: privacy', () => {
  it('makes no network request of its own during a browsing session', async () => {
    const pages = [
      '/samples/sample-paper.html',
      '/pages/a04-ai-safety-needs-social-scientists.html',
      '/pages/a07-ai-safety-gridworlds-readme.html',
      '/pages/c02-css-box-alignment.html',
    ];
    const visited: string[] = [];
    for (const p of pages) {
      const page = await session.context.newPage();
      // The page listens for window messages from the start: we must send none.
      await page.addInitScript(() => {
        const w = window as unknown as { __messages: string[] };
        w.__messages = [];
        window.addEventListener('message', (e) => w.__messages.push(JSON.stringify(e.data)));
      });
      await page.goto(server.url(p));
      visited.push(server.url(p));
      await pageTerms(session, page);
      const box = (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX))[0];
      if (box) {
        await page.mouse.move(box.x, box.y, { steps: 3 });
        await page.waitForTimeout(500);
        // Source links in the card are the reader's to follow; hovering must not fetch them.
      }
      const popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${await tabIdOf(session, page)}`);
      await popup.fill('#search', 'mesa optimiser');
      await popup.keyboard.press('Enter');
      await popup.waitForSelector('.entry');
      expect(await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages)).toEqual([]);
      if (p.includes('c02')) {
        await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${await tabIdOf(session, page)}`);
        await popup.locator('#site-switch').click();
        await popup.locator('#site-switch').click();
      }
      await popup.close();
      await page.close();
    }
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('#mode-all').check();
    await options.close();

    const ext = `chrome-extension://${session.extensionId}/`;
    // Allowed: the documents we opened, and the extension's own packaged files.
    const foreign = requests.filter((r) => !visited.includes(r.url) && !r.url.startsWith(ext));
    expect(foreign).toEqual([]);
    expect(requests.filter((r) => visited.includes(r.url)).length).toBe(visited.length);
  });
});
