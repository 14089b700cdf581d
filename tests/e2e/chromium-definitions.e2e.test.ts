/**
 * A page's own definitions in real Chromium: acronyms and terms a page defines are found where
 * they are used later, in their own highlight, with a "Defined on this page" card whose Go to
 * definition scrolls to the definition and marks it; in a LaTeXML paper, a forum post with a
 * glossary list, a two-column PDF in the viewer, and the popup. A page full of brackets and
 * numbers gets only its two real acronym definitions.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, pageTerms, sendToPage, tabIdOf, viewerTerms, type ChromiumSession } from '../../harness/chromium';
import { CHROME_BUILD, requireBuild } from '../../harness/paths';
import { HIGHLIGHT_PREFIX, paintedByNameScript, paintedCentreScript, tooltipTextScript } from '../../harness/page-probe';
import { serve, type StaticServer } from '../../harness/serve';
import { htmlToPdf } from '../../harness/test-pdf';
import type { PageTerm } from '../../messaging/contract';

declare const chrome: {
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { set(v: object): Promise<void>; remove(k: string): Promise<void> } };
};

const FIXTURES = resolve('tests/fixtures/definitions');
let session: ChromiumSession;
let server: StaticServer;
let pdfDir: string;

beforeAll(async () => {
  pdfDir = mkdtempSync(join(tmpdir(), 'agc-defs-pdf-'));
  writeFileSync(join(pdfDir, 'two-column-paper.pdf'), await htmlToPdf(readFileSync(join(FIXTURES, 'two-column-paper.html'), 'utf8')));
  server = await serve({ '/d/': FIXTURES, '/pdf/': pdfDir });
  session = await launchChromium(requireBuild(CHROME_BUILD));
});
afterAll(async () => {
  await session?.close();
  await server?.close();
  if (pdfDir) rmSync(pdfDir, { recursive: true, force: true });
});

async function open(name: string): Promise<Page> {
  const page = await session.context.newPage();
  page.setDefaultTimeout(15_000);
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.goto(server.url(`/d/${name}`));
  return page;
}

const pageOnes = (terms: readonly PageTerm[]) => terms.filter((t) => t.source === 'page');
const summary = (terms: readonly PageTerm[]) => pageOnes(terms).map((t) => [t.id, t.count, [...t.forms].sort()]);

/** Hover the painted range reading `text` (the first one), and return the card's text. */
async function hoverCard(page: Page, text: string): Promise<string> {
  const box = await page.evaluate(paintedCentreScript, { prefix: HIGHLIGHT_PREFIX, text, scroll: true });
  expect(box, `a painted "${text}"`).not.toBeNull();
  await page.mouse.move(box!.x - 40, box!.y + 40);
  await page.mouse.move(box!.x, box!.y, { steps: 4 });
  await expect.poll(() => page.evaluate(tooltipTextScript), { timeout: 10_000 }).not.toBeNull();
  await page.mouse.click(box!.x, box!.y);
  return (await page.evaluate(tooltipTextScript))!;
}

describe("Chromium: a page's own definitions", () => {
  it('a LaTeXML paper: acronyms and defined terms, found where they are used later, in their own style', async () => {
    const page = await open('latexml-paper.html');
    const report = await pageTerms(session, page);
    expect(summary(report.terms)).toEqual([
      ['page:critique-conditioned-fine-tuning', 3, ['CCFT']],
      ['page:reward-laundering', 2, ['Reward laundering', 'reward laundering']],
      ['page:probe-drift', 2, ['PD', 'probe drift']],
      ['page:policy-distillation', 1, ['PD']],
    ]);
    for (const t of pageOnes(report.terms)) expect(t.term).not.toBe('');
    expect(report.terms.find((t) => t.id === 'page:critique-conditioned-fine-tuning')!.term).toBe('Critique-Conditioned Fine-Tuning');
    // The acronym of a glossary term leads to the glossary entry.
    const gmg = report.terms.find((t) => t.id === 'goal-misgeneralization')!;
    expect(gmg.source).toBeUndefined();
    expect(gmg.forms).toContain('GMG');
    // Page terms are painted in a highlight of their own, the glossary's in theirs.
    const painted = await page.evaluate(paintedByNameScript, HIGHLIGHT_PREFIX);
    expect(painted).toContainEqual(['alignment-glossary-page-underline-tint', 'CCFT']);
    expect(painted).toContainEqual(['alignment-glossary-underline-tint', 'goal misgeneralization']);
    expect(painted.filter(([n]) => n.includes('page-')).map(([, t]) => t)).not.toContain('Critique-Conditioned Fine-Tuning');
    await page.close();
  });

  it('its card says "Defined on this page", quotes the definition, and Go to definition scrolls to it and marks it', async () => {
    const page = await open('latexml-paper.html');
    await pageTerms(session, page);
    const card = await hoverCard(page, 'CCFT');
    expect(card).toContain('Defined on this page');
    expect(card).toContain(
      'We introduce Critique-Conditioned Fine-Tuning (CCFT), a method that conditions each update on a written critique',
    );
    // The nearest definition before each use: the second "PD" is policy distillation.
    await page.mouse.move(5, 5);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('alignment-glossary-ui .card .go-to-definition').click();
    const flashed = await page.evaluate(() => {
      const hl = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('alignment-glossary-flash');
      const r = hl ? [...hl][0] : undefined;
      if (!r) return null;
      const b = r.getBoundingClientRect();
      return { text: r.toString(), inView: b.top >= 0 && b.bottom <= innerHeight };
    });
    expect(flashed?.text.startsWith('We introduce Critique-Conditioned Fine-Tuning (CCFT)')).toBe(true);
    expect(flashed?.inView).toBe(true);
    await page.close();
  });

  it('the same acronym defined twice: each use takes the nearest definition before it', async () => {
    const page = await open('latexml-paper.html');
    await pageTerms(session, page);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const cards: string[] = [];
    const places = await page.evaluate((prefix) => {
      const out: { x: number; y: number }[] = [];
      for (const [name, hl] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights)
        if (name.startsWith(prefix))
          for (const r of hl) if (r.toString() === 'PD') out.push({ x: r.getClientRects()[0]!.x + 6, y: r.getClientRects()[0]!.y + 6 });
      return out;
    }, `${HIGHLIGHT_PREFIX}page-`);
    expect(places).toHaveLength(2);
    for (const p of places) {
      await page.mouse.move(5, 5);
      await expect.poll(() => page.evaluate(tooltipTextScript)).toBeNull();
      await page.mouse.move(p.x - 30, p.y + 30);
      await page.mouse.move(p.x, p.y, { steps: 4 });
      await expect.poll(() => page.evaluate(tooltipTextScript), { timeout: 10_000 }).not.toBeNull();
      cards.push((await page.evaluate(tooltipTextScript))!);
    }
    expect(cards[0]).toContain('PD: Probe drift');
    expect(cards[1]).toContain('PD: Policy Distillation');
    await page.close();
  });

  it('page terms count on the badge, take their turn in keyboard stepping, and every use is painted in all-occurrences mode', async () => {
    const page = await open('latexml-paper.html');
    const report = await pageTerms(session, page);
    const tabId = await tabIdOf(session, page);
    const badge = () => session.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge, { timeout: 5000 }).toBe(String(report.terms.length));
    const stepped: string[] = [];
    for (let i = 0; i < report.terms.length; i++)
      stepped.push(await sendToPage<string>(session, page, { type: 'step-term', direction: 1 }));
    expect(stepped).toContain('page:critique-conditioned-fine-tuning');
    expect(stepped).toContain('page:policy-distillation');
    await session.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { mode: 'all' } }));
    try {
      const all = async () =>
        (await page.evaluate(paintedByNameScript, HIGHLIGHT_PREFIX)).filter(([n, t]) => n.includes('page-') && t === 'CCFT');
      await expect.poll(async () => (await all()).length, { timeout: 10_000 }).toBe(3);
    } finally {
      await session.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    }
    await page.close();
  });

  it('a glossary term the page defines in its own way gets "This page:" on its card', async () => {
    const page = await open('latexml-paper.html');
    await pageTerms(session, page);
    const card = await hoverCard(page, 'sycophancy');
    expect(card).toContain('This page: We define sycophancy as agreeing with the user whatever the evidence says.');
    await page.close();
  });

  it('a forum post with a glossary list and a definition list', async () => {
    const page = await open('forum-glossary.html');
    const report = await pageTerms(session, page);
    expect(pageOnes(report.terms).map((t) => [t.term, t.count])).toEqual([
      ['Judge fatigue', 2],
      ['Critique budget', 1],
      ['Honest-by-default prior', 1],
      ['Verifier gap', 2],
      ['Shadow objective', 1],
      ['oversight erosion', 1],
    ]);
    await page.close();
  });

  it('a page full of brackets and numbers: only its two real acronym definitions, and nothing from a common word', async () => {
    const page = await open('parentheses-precision.html');
    const report = await pageTerms(session, page);
    expect(pageOnes(report.terms).map((t) => [t.id, t.forms])).toEqual([
      ['page:polymerase-chain-reaction', ['PCR']],
      ['page:high-performance-liquid-chromatography', ['HPLC']],
    ]);
    await page.close();
  });

  it('definitions inside code, hidden text and form fields are ignored; a visible one is not', async () => {
    const page = await open('hidden-and-code.html');
    const report = await pageTerms(session, page);
    expect(pageOnes(report.terms).map((t) => [t.id, t.forms])).toEqual([['page:visible-drift-rate', ['VDR']]]);
    await page.close();
  });

  it('a two-column PDF in the viewer: its definitions are found where they are used', async () => {
    const page = await session.context.newPage();
    page.setDefaultTimeout(30_000);
    const file = encodeURIComponent(server.url('/pdf/two-column-paper.pdf'));
    await page.goto(`chrome-extension://${session.extensionId}/pdf-viewer.html?file=${file}`);
    const report = await viewerTerms(session, await tabIdOf(session, page), (r) => r.status === 'done', 60_000);
    // In order of first use; "judge fatigue" in the introduction comes before its definition.
    expect(pageOnes(report.terms).map((t) => [t.term, t.count])).toEqual([
      ['Critique-Augmented Verification', 3],
      ['Verifier Gap Ratio', 4],
      ['answer laundering', 2],
      ['Judge fatigue', 2],
    ]);
    const vgr = report.terms.find((t) => t.term === 'Verifier Gap Ratio')!;
    expect(vgr.forms).toEqual(['VGR']);
    expect(vgr.count).toBe(4);
    // Its card goes to the definition in the PDF's text layer.
    const card = await hoverCard(page, 'VGR');
    expect(card).toContain('Defined on this page');
    await page.locator('alignment-glossary-ui .card .go-to-definition').click();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const hl = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('alignment-glossary-flash');
          return hl ? [...hl][0]!.toString().replace(/\s+/g, ' ') : null;
        }),
      )
      .toMatch(/^We study this with a measure we call the Verifier Gap Ratio/);
    await page.close();
  });

  it('the popup lists them under "Defined on this page"', async () => {
    const page = await open('latexml-paper.html');
    await pageTerms(session, page);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${await tabIdOf(session, page)}`);
    await expect.poll(() => popup.locator('#defined-here-title').count(), { timeout: 10_000 }).toBe(1);
    expect(await popup.locator('ol.defined-here .page-term').allTextContents()).toEqual([
      'Critique-Conditioned Fine-Tuning',
      'Reward laundering',
      'Probe drift',
      'Policy Distillation',
    ]);
    expect(await popup.locator('ol.page-terms:not(.defined-here) .page-term').allTextContents()).toContain('Goal misgeneralization');
    await popup.close();
    await page.close();
  });
});
