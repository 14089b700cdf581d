/**
 * Proves the real-browser harness (tests/e2e/support) with the harness-probe fixture: each
 * browser loads the probe extension, opens a page served from 127.0.0.1, reaches the content
 * script through sendToTab, and sees page.mouse.move arrive as pointer events.
 * Costs ~5 s (one Chromium and one Firefox launch). Must never skip: a missing browser fails.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, sendToTab as sendToChromiumTab, type ChromiumHarness } from './support/chromium';
import { launchFirefox, openExtensionPage, sendToTab as sendToFirefoxTab, type FirefoxHarness } from './support/firefox';

const probe = (browser: 'chrome' | 'firefox'): string =>
  fileURLToPath(new URL(`./fixtures/harness-probe/${browser}`, import.meta.url));

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>harness page</title></head>
<body style="margin:0"><div id="target" style="width:200px;height:100px">hover me</div>
<script>document.getElementById('target').addEventListener('mouseover', () => { document.body.dataset.pageHover = 'yes'; });</script>
</body></html>`;

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

/** What the content script and the page itself saw of the pointer, read through the DOM. */
interface PointerSeen {
  contentScript: string | undefined;
  pageHover: string | undefined;
  hovered: boolean;
  hoverMedia: boolean;
  heading: string | null;
}
const readPointer = (): PointerSeen => ({
  contentScript: document.documentElement.dataset.probePointer,
  pageHover: document.body.dataset.pageHover,
  hovered: document.getElementById('target')?.matches(':hover') ?? false,
  hoverMedia: matchMedia('(hover: hover) and (pointer: fine)').matches,
  heading: document.getElementById('target')?.textContent ?? null,
});

describe('Chromium harness', () => {
  let h: ChromiumHarness;
  beforeAll(async () => {
    const t0 = Date.now();
    h = await launchChromium(probe('chrome'));
    console.log(`chromium: launched with service worker in ${Date.now() - t0} ms`);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('derives the extension id from the service worker', () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    expect(h.serviceWorker.url()).toBe(`chrome-extension://${h.extensionId}/background.js`);
  });

  it('reaches the content script of a 127.0.0.1 page', async () => {
    const page = h.context.pages()[0] ?? (await h.context.newPage());
    await page.goto(`${base}chromium`);
    const other = await h.context.newPage(); // a second tab, so the right one must be picked
    await other.goto(`${base}other`);
    expect(await sendToChromiumTab(h.serviceWorker, `${base}chromium`, { type: 'probe' })).toEqual({
      ok: true,
      href: `${base}chromium`,
    });
    expect(await sendToChromiumTab(h.serviceWorker, other, { type: 'probe' })).toEqual({ ok: true, href: `${base}other` });
    await other.close();
  });

  it('delivers page.mouse.move to content-script pointermove listeners', async () => {
    const page = h.context.pages()[0]!;
    await page.mouse.move(50, 40);
    await page.mouse.move(60, 50, { steps: 3 });
    const seen = await page.evaluate(readPointer);
    expect(seen.contentScript).toMatch(/^60,50,\d+$/);
    expect(seen).toMatchObject({ pageHover: 'yes', hovered: true, hoverMedia: true, heading: 'hover me' });
  });
});

describe('Firefox harness', () => {
  let h: FirefoxHarness;
  beforeAll(async () => {
    const t0 = Date.now();
    h = await launchFirefox(probe('firefox'));
    console.log(`firefox: launched and installed in ${Date.now() - t0} ms`);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('pins the moz-extension UUID so extension pages have a known URL', async () => {
    const popup = await openExtensionPage(h, 'popup.html');
    expect(await popup.evaluate(() => [location.href, document.title, typeof browser])).toEqual([
      `${h.extensionOrigin}/popup.html`,
      'harness-probe',
      'object',
    ]);
    await popup.close();
  });

  it('reaches the content script of a 127.0.0.1 page', async () => {
    const page = (await h.browser.pages())[0] ?? (await h.browser.newPage());
    await page.goto(`${base}firefox`);
    const other = await h.browser.newPage();
    await other.goto(`${base}other`);
    expect(await sendToFirefoxTab(h, `${base}firefox`, { type: 'probe' })).toEqual({ ok: true, href: `${base}firefox` });
    expect(await sendToFirefoxTab(h, other, { type: 'probe' })).toEqual({ ok: true, href: `${base}other` });
    await other.close();
  });

  it('hovers with page.mouse.move and reads the page with page.evaluate', async () => {
    const page = (await h.browser.pages()).find((p) => p.url() === `${base}firefox`)!;
    await page.bringToFront();
    await page.mouse.move(50, 40);
    await page.mouse.move(60, 50, { steps: 3 });
    const seen = await page.evaluate(readPointer);
    expect(seen.contentScript).toMatch(/^60,50,\d+$/);
    expect(seen).toMatchObject({ pageHover: 'yes', hovered: true, hoverMedia: true, heading: 'hover me' });
  });
});

declare const browser: unknown;
