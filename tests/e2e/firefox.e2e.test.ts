/**
 * Firefox ESR parity: the core checks of the Chromium suite, in Debian's firefox-esr with the
 * Firefox build installed as a temporary add-on (puppeteer-core over WebDriver BiDi).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, openExtensionPage, pageTermsIn, tabIdFor, type FirefoxSession } from '../../harness/firefox';
import { FIREFOX_BUILD, requireBuild } from '../../harness/paths';
import {
  elementCountsScript,
  HIGHLIGHT_PREFIX,
  paintedRangesScript,
  scrollToRangeScript,
  tooltipTextScript,
} from '../../harness/page-probe';
import { SHARED_PAGES, serve, type StaticServer } from '../../harness/serve';

let session: FirefoxSession;
let server: StaticServer;

beforeAll(async () => {
  server = await serve({ '/pages/': SHARED_PAGES });
  session = await launchFirefox(requireBuild(FIREFOX_BUILD));
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function open(name: string): Promise<{ page: Page; url: string }> {
  const url = server.url(`/pages/${name}.html`);
  const page = await session.browser.newPage();
  await page.goto(url);
  return { page, url };
}

async function poll<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() - t0 > ms) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Firefox ESR', () => {
  it('finds the terms of a04, opens a tooltip on hover, and leaves <body> alone', async () => {
    const { page, url } = await open('a04-ai-safety-needs-social-scientists');
    const before = await page.evaluate(elementCountsScript);
    const report = await pageTermsIn(session, url);
    expect(report.status).toBe('done');
    const ids = report.terms.map((t) => t.id);
    for (const id of ['ai-alignment', 'debate', 'iterated-amplification', 'factored-cognition', 'agi']) expect(ids).toContain(id);

    const text = (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).find((r) => /debat/i.test(r.text))!.text;
    await page.evaluate(scrollToRangeScript, { prefix: HIGHLIGHT_PREFIX, text });
    const box = (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).find((r) => r.text === text)!;
    await page.bringToFront();
    await page.mouse.move(box.x - 40, box.y + 40);
    await page.mouse.move(box.x, box.y, { steps: 4 });
    const shown = await poll(
      () => pageTermsIn(session, url).then((r) => r.openTooltip),
      (v) => v !== null,
    );
    expect(shown).toEqual({ id: 'debate' });
    expect(await page.evaluate(tooltipTextScript)).toContain('AI safety via debate');
    expect((await page.evaluate(elementCountsScript)).body).toBe(before.body);
    await page.close();
  });

  it.each(['c02-css-box-alignment', 'c04-biopython-sequence-alignment'])('finds no terms on %s', async (name) => {
    const { page, url } = await open(name);
    const report = await pageTermsIn(session, url);
    expect(report.status).toBe('done');
    expect(report.terms).toEqual([]);
    await page.close();
  });

  it('turns a site off and on from the popup without a reload', async () => {
    const { page, url } = await open('a07-ai-safety-gridworlds-readme');
    await pageTermsIn(session, url);
    const painted = (): Promise<{ text: string }[]> => page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX);
    expect((await painted()).length).toBeGreaterThan(3);
    const popup = await openExtensionPage(session, `popup.html?tab=${await tabIdFor(session, url)}`);
    await popup.waitForSelector('#site-switch');
    // The switch is clicked through the DOM: under heavy load, synthesized pointer input to a
    // second tab was sometimes not delivered in Firefox (the switch stayed as it was).
    const flip = () => popup.$eval('#site-switch', (el) => (el as HTMLInputElement).click());
    await flip();
    expect((await poll(painted, (r) => r.length === 0)).length).toBe(0);
    expect((await pageTermsIn(session, url)).status).toBe('disabled');
    // The popup's tab in front again for the second click, as the reader's would be.
    await popup.bringToFront();
    await flip();
    await poll(
      () => popup.$eval('#site-switch', (el) => (el as HTMLInputElement).checked),
      (on) => on,
      10_000,
    );
    // The reader looks at the page again (a hidden tab's timers are clamped by Firefox).
    await page.bringToFront();
    const again = await poll(painted, (r) => r.length > 3, 15_000);
    // Said on failure: what the page reports and what the popup's switch shows.
    const state = async () => ({
      page: await pageTermsIn(session, url).then((r) => ({ status: r.status, terms: r.terms.length })),
      switchOn: await popup.$eval('#site-switch', (el) => (el as HTMLInputElement).checked),
    });
    expect(again.length, JSON.stringify(again.length > 3 ? {} : await state())).toBeGreaterThan(3);
    await popup.close();
    await page.close();
  });
});
