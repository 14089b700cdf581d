/**
 * The working extension in real Chromium: highlights on real pages, a tooltip on hover, nothing
 * on off-topic pages, and the page's own DOM left as it was.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evaluateInContentWorld, launchChromium, pageTerms, tabIdOf, type ChromiumSession } from '../../harness/chromium';
import { CHROME_BUILD, requireBuild } from '../../harness/paths';
import { axeViolations } from '../../harness/axe';
import {
  elementCountsScript,
  HIGHLIGHT_PREFIX,
  cardAndTermBoxesScript,
  paintedRangesScript,
  scrollToRangeScript,
  tooltipTextScript,
} from '../../harness/page-probe';
import { expectedTerms, missingExpected, serve, SHARED_PAGES, type StaticServer } from '../../harness/serve';

let session: ChromiumSession;
let server: StaticServer;

beforeAll(async () => {
  server = await serve({ '/pages/': SHARED_PAGES, '/samples/': resolve('samples') });
  session = await launchChromium(requireBuild(CHROME_BUILD));
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** Scroll a painted term into view and return where it is on screen. */
async function locateTerm(page: Page, match: RegExp) {
  const text = (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).find((r) => match.test(r.text))?.text;
  expect(text, `a painted term matching ${match}`).toBeDefined();
  await page.evaluate(scrollToRangeScript, { prefix: HIGHLIGHT_PREFIX, text: text! });
  return (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).find((r) => r.text === text)!;
}

/** Pin the card of the page's first mesa-optimizer with a click, as a reader would; its position. */
async function pinMesaOptimizer(page: Page): Promise<{ x: number; y: number; text: string }> {
  await pageTerms(session, page);
  const t = await locateTerm(page, /^mesa-optimizer$/);
  await page.mouse.click(t.x, t.y);
  await expect.poll(async () => (await pageTerms(session, page)).openTooltip).toEqual({ id: 'mesa-optimizer' });
  return t;
}

async function open(path: string): Promise<Page> {
  const page = await session.context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(server.url(path));
  return page;
}

describe('Chromium: real pages', () => {
  it('finds the alignment terms of a04 and leaves the page DOM alone', async () => {
    const page = await open('/pages/a04-ai-safety-needs-social-scientists.html');
    const before = await page.evaluate(elementCountsScript);
    const report = await pageTerms(session, page);

    expect(report.status).toBe('done');
    expect(Object.keys(report).sort()).toEqual(['openTooltip', 'scanMs', 'scannedChars', 'status', 'terms']);
    expect(report.scannedChars).toBeGreaterThan(80_000);
    expect(report.scanMs).toBeGreaterThan(0);
    expect(report.openTooltip).toBeNull();
    const ids = report.terms.map((t) => t.id);
    for (const id of ['ai-alignment', 'debate', 'iterated-amplification', 'factored-cognition', 'value-alignment', 'agi'])
      expect(ids).toContain(id);
    for (const t of report.terms) {
      expect(t.count).toBeGreaterThanOrEqual(1);
      expect(t.forms.length).toBeGreaterThanOrEqual(1);
    }
    // Every term a reader of this page would want explained is marked.
    expect(
      missingExpected(
        expectedTerms('a04-ai-safety-needs-social-scientists'),
        report.terms.flatMap((t) => t.forms),
      ),
    ).toEqual([]);

    const painted = await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX);
    expect(painted.length).toBe(report.terms.length); // first occurrence of each term
    expect(await page.evaluate(elementCountsScript)).toEqual(before);
    await page.close();
  });

  it('finds every term a reader of a07 would want explained', async () => {
    const page = await open('/pages/a07-ai-safety-gridworlds-readme.html');
    const report = await pageTerms(session, page);
    expect(
      missingExpected(
        expectedTerms('a07-ai-safety-gridworlds-readme'),
        report.terms.flatMap((t) => t.forms),
      ),
    ).toEqual([]);
    await page.close();
  });

  it('opens a tooltip for a hovered term, and adds nothing inside <body>', async () => {
    const page = await open('/pages/a04-ai-safety-needs-social-scientists.html');
    await pageTerms(session, page);
    const before = await page.evaluate(elementCountsScript);
    const target = await locateTerm(page, /debat/i);
    await page.mouse.move(target!.x - 30, target!.y + 40);
    await page.mouse.move(target!.x, target!.y, { steps: 4 });
    await expect.poll(async () => (await pageTerms(session, page)).openTooltip, { timeout: 3000 }).toEqual({ id: 'debate' });
    const text = await page.evaluate(tooltipTextScript);
    expect(text).toContain('AI safety via debate');
    expect(text).toMatch(/two (AI systems|copies)/i);
    const after = await page.evaluate(elementCountsScript);
    expect(after.body).toBe(before.body);
    expect(after.all).toBe(before.all + 1); // the one shadow host, outside <body>

    await page.keyboard.press('Escape');
    await expect.poll(async () => (await pageTerms(session, page)).openTooltip, { timeout: 2000 }).toBeNull();
    await page.close();
  });

  it.each([
    [1366, 620],
    [390, 844],
  ])('at %ix%i the card never covers the hovered term and stays in the window', async (width, height) => {
    const page = await open('/samples/sample-paper.html');
    await page.setViewportSize({ width, height });
    await pageTerms(session, page);
    // Terms near the top, the middle and the bottom of the window: the card must go below or above.
    const inView = (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).filter((r) => r.y > 10 && r.y < height - 10);
    inView.sort((a, b) => a.y - b.y);
    const picks = [inView[0]!, inView[Math.floor(inView.length / 2)]!, inView[inView.length - 1]!];
    for (const t of picks) {
      await page.mouse.move(t.x, t.y - 60);
      await page.keyboard.press('Escape');
      await page.mouse.move(t.x, t.y, { steps: 3 });
      await expect
        .poll(() => page.evaluate(cardAndTermBoxesScript, { prefix: HIGHLIGHT_PREFIX, x: t.x, y: t.y }), { timeout: 5000 })
        .not.toBeNull();
      // Let the card settle where it will stay (tippy's fade and placement).
      await page.waitForTimeout(300);
      const boxes = (await page.evaluate(cardAndTermBoxesScript, { prefix: HIGHLIGHT_PREFIX, x: t.x, y: t.y }))!;
      const { card, term } = boxes;
      for (const b of term) {
        const overlaps = card.left < b.right && card.right > b.left && card.top < b.bottom && card.bottom > b.top;
        expect(overlaps, `${t.text}: card ${JSON.stringify(card)} over term ${JSON.stringify(b)}`).toBe(false);
      }
      expect(card.left).toBeGreaterThanOrEqual(0);
      expect(card.top).toBeGreaterThanOrEqual(0);
      expect(card.right).toBeLessThanOrEqual(width);
      expect(card.bottom).toBeLessThanOrEqual(height);
    }
    await page.close();
  });

  it('only a plain primary click pins a card: not a right or middle click, a double click or a drag', async () => {
    const page = await open('/samples/sample-paper.html');
    await pageTerms(session, page);
    const t = await locateTerm(page, /^mesa-optimizer$/);
    const openNow = async () => (await pageTerms(session, page)).openTooltip;
    const goAway = () => page.mouse.move(5, 5, { steps: 2 });
    const notPinning: [string, () => Promise<void>][] = [
      ['right click', () => page.mouse.click(t.x, t.y, { button: 'right' })],
      ['middle click', () => page.mouse.click(t.x, t.y, { button: 'middle' })],
      ['double click', () => page.mouse.dblclick(t.x, t.y)],
      [
        'drag selection',
        async () => {
          await page.mouse.move(t.x - 25, t.y);
          await page.mouse.down();
          await page.mouse.move(t.x + 25, t.y, { steps: 5 });
          await page.mouse.up();
        },
      ],
    ];
    for (const [what, act] of notPinning) {
      await act();
      await goAway();
      // Unpinned, the card leaves with the pointer.
      await expect.poll(openNow, { timeout: 10_000, message: what }).toBeNull();
      await page.keyboard.press('Escape');
      await page.evaluate(() => getSelection()?.removeAllRanges());
    }
    await page.mouse.click(t.x, t.y);
    await expect.poll(openNow, { timeout: 10_000 }).toEqual({ id: 'mesa-optimizer' });
    await goAway();
    // Pinned, it stays after the pointer has gone (well past the grace delay).
    await page.waitForTimeout(1000);
    expect(await openNow()).toEqual({ id: 'mesa-optimizer' });
    await page.close();
  });

  it.each([
    ['#101418', 'light', 'dark'],
    ['#ffffff', 'dark', 'light'],
    ['transparent', 'dark', 'dark'],
  ])('a page painted %s under a %s system gets a %s card', async (background, system, expected) => {
    const page = await session.context.newPage();
    page.setDefaultTimeout(15_000);
    await page.emulateMedia({ colorScheme: system as 'light' | 'dark' });
    const url = server.url('/scheme-test.html');
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>Scheme test</title></head><body style="background:${background};color:${background === '#101418' ? '#ccc' : '#222'}"><main><h1>Scheme test</h1><p>A language model trained with reinforcement learning from human feedback can become a mesa-optimizer whose objective differs from the training signal, and machine learning researchers study this as inner alignment.</p></main></body></html>`,
      }),
    );
    await page.goto(url);
    await pinMesaOptimizer(page);
    const cardBackground = await page.evaluate(() => {
      const box = document.querySelector('alignment-glossary-ui')?.shadowRoot?.querySelector('.tippy-box');
      return box ? getComputedStyle(box).backgroundColor : null;
    });
    const [r, g, b] = (cardBackground ?? '').match(/\d+/g)!.map(Number) as [number, number, number];
    expect((r + g + b) / 3 < 128 ? 'dark' : 'light', cardBackground ?? '').toBe(expected);
    // The card itself, opened, in this scheme: no accessibility violations (axe reads open shadow
    // roots). The page has its own h1, so axe's page-level rules have nothing to say of the page.
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('Copy and Cite in the card put the entry and its citation on the clipboard', async () => {
    const page = await open('/samples/sample-paper.html');
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url('/')).origin });
    await pinMesaOptimizer(page);
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await page.locator('alignment-glossary-ui .card button.copy').click();
    await expect.poll(clipboard).toMatch(/^mesa-optimizer: .+\nSource: Hubinger et al\. \(2019\)\. Risks from Learned Optimization/s);
    await page.locator('alignment-glossary-ui .card button.cite').click();
    await expect.poll(clipboard).toMatch(/^Hubinger, E\., .+\(2019\)\. Risks from Learned Optimization/);
    expect(await clipboard()).toContain('eprint = {1906.01820}');
    await page.close();
  });

  it('More and In depth open inside the card, which stays off the term and inside the window', async () => {
    const page = await open('/samples/sample-paper.html');
    await page.setViewportSize({ width: 1366, height: 620 });
    const t = await pinMesaOptimizer(page);
    const card = page.locator('alignment-glossary-ui .card');
    await card.locator('button.more', { hasText: 'More' }).click();
    await expect.poll(() => card.locator('.definition').isVisible()).toBe(true);
    await card.locator('button.in-depth-toggle').click();
    await expect.poll(() => card.locator('.in-depth').isVisible()).toBe(true);
    expect(await card.locator('.in-depth h3').allTextContents()).toEqual(['Origin', 'Key ideas', 'Debates', 'Further reading']);
    const boxes = (await page.evaluate(cardAndTermBoxesScript, { prefix: HIGHLIGHT_PREFIX, x: t.x, y: t.y }))!;
    for (const b of boxes.term) expect(boxes.card.top >= b.bottom || boxes.card.bottom <= b.top).toBe(true);
    expect(boxes.card.bottom).toBeLessThanOrEqual(620);
    await page.close();
  });

  it('with the option on, cards open with the definition shown', async () => {
    type Local = { chrome: { storage: { local: { set(v: object): Promise<void>; remove(k: string): Promise<void> } } } };
    await session.serviceWorker.evaluate(() =>
      (globalThis as unknown as Local).chrome.storage.local.set({ settings: { cardDefinition: true } }),
    );
    try {
      const page = await open('/samples/sample-paper.html');
      await pinMesaOptimizer(page);
      const card = page.locator('alignment-glossary-ui .card');
      expect(await card.locator('.definition').isVisible()).toBe(true);
      expect(await card.locator('button.more').first().textContent()).toBe('Less');
      await page.close();
    } finally {
      await session.serviceWorker.evaluate(() => (globalThis as unknown as Local).chrome.storage.local.remove('settings'));
    }
  });

  it('a pinned card follows its term while it is in view and closes when it scrolls out', async () => {
    const page = await open('/samples/sample-paper.html');
    await page.setViewportSize({ width: 1366, height: 620 });
    await pinMesaOptimizer(page);
    await page.mouse.move(5, 5);
    await page.evaluate(() => scrollBy(0, 40));
    await page.waitForTimeout(300);
    expect((await pageTerms(session, page)).openTooltip, 'still in view: still open').toEqual({ id: 'mesa-optimizer' });
    await page.evaluate(() => scrollBy(0, innerHeight * 2));
    await expect.poll(async () => (await pageTerms(session, page)).openTooltip, { timeout: 10_000 }).toBeNull();
    await page.close();
  });

  it('reads the text of a <details> when the reader opens it', async () => {
    const page = await session.context.newPage();
    page.setDefaultTimeout(15_000);
    const url = server.url('/details-test.html');
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><body><p>Machine learning researchers study inner alignment in language models.</p><details><summary>Show the reasoning</summary><p>The trained network may be a mesa-optimizer with an objective of its own.</p></details></body></html>`,
      }),
    );
    await page.goto(url);
    await pageTerms(session, page);
    const painted = async () => (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).map((r) => r.text.toLowerCase());
    expect(await painted()).not.toContain('mesa-optimizer');
    await page.click('summary');
    await expect.poll(painted, { timeout: 10_000 }).toContain('mesa-optimizer');
    await page.close();
  });

  it('follows a related term inside the tooltip and comes back', async () => {
    const page = await open('/samples/sample-paper.html');
    await pinMesaOptimizer(page);
    await page.locator('alignment-glossary-ui .card button.chip[data-entry="mesa-objective"]').click();
    expect((await pageTerms(session, page)).openTooltip).toEqual({ id: 'mesa-objective' });
    await page.locator('alignment-glossary-ui .card button.back').click();
    expect((await pageTerms(session, page)).openTooltip).toEqual({ id: 'mesa-optimizer' });
    await page.close();
  });

  it.each(['c02-css-box-alignment', 'c04-biopython-sequence-alignment'])('finds no terms on %s', async (name) => {
    const page = await open(`/pages/${name}.html`);
    const report = await pageTerms(session, page);
    expect(report.status).toBe('done');
    expect(report.scannedChars).toBeGreaterThan(5_000);
    expect(report.terms).toEqual([]);
    expect(await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).toEqual([]);
    // Nothing registered either: a page without terms is left without our highlight.
    expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size)).toBe(0);
    await page.close();
  });

  it('scans content that a page adds later', async () => {
    const page = await open('/samples/sample-paper.html');
    const first = await pageTerms(session, page);
    expect(first.terms.some((t) => t.id === 'wireheading')).toBe(false);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'A late paragraph about wireheading.';
      document.querySelector('article')!.append(p);
    });
    await expect.poll(async () => (await pageTerms(session, page)).terms.map((t) => t.id), { timeout: 3000 }).toContain('wireheading');
    await page.close();
  });
});

// `chrome` inside the service worker, where the closure below runs.
declare const chrome: { scripting: { executeScript(o: { target: { tabId: number }; files: string[] }): Promise<unknown> } };

describe('Chromium without its own `browser` namespace (before 148)', () => {
  it('loads webextension-polyfill into the page on request, then finds and paints the terms', async () => {
    const page = await open('/pages/a07-ai-safety-gridworlds-readme.html');
    const before = await pageTerms(session, page);
    expect(before.terms.length).toBeGreaterThan(3);

    // Take the world's own `browser` away, then add the content script again, as the background
    // does in tabs that were open at installation. The new copy announces itself once it has an API.
    expect(await evaluateInContentWorld(session, page, 'globalThis.browser = undefined; typeof browser')).toBe('undefined');
    await page.evaluate(
      (name) => window.addEventListener(name, () => ((window as { heardStart?: boolean }).heardStart = true)),
      `${session.extensionId}:alignment-glossary:started`,
    );
    const tabId = await tabIdOf(session, page);
    await session.serviceWorker.evaluate(
      (id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['glossary-content.js'] }),
      tabId,
    );
    await expect.poll(() => page.evaluate(() => (window as { heardStart?: boolean }).heardStart === true), { timeout: 5000 }).toBe(true);

    // The polyfill's `browser` wraps `chrome`; the browser's own does not.
    expect(await evaluateInContentWorld(session, page, 'Object.getPrototypeOf(globalThis.browser) === chrome')).toBe(true);
    // The older copy stood down when the new one announced itself: this report is the new copy's.
    const after = await pageTerms(session, page);
    expect(after.terms.map((t) => t.id)).toEqual(before.terms.map((t) => t.id));
    expect((await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).length).toBe(after.terms.length);
    await page.close();
  });
});
