/**
 * Reading fidelity in Firefox ESR (the Firefox build as a temporary add-on): terms glued to
 * footnote marks are found, a paper's own definitions are found where they are used, a page that
 * is not about AI gets no highlight, and in the PDF viewer
 * a term broken across lines is found and `done` comes only once every page is read.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, openExtensionPage, pageTermsIn, type FirefoxSession } from '../../harness/firefox';
import { FIREFOX_BUILD, requireBuild } from '../../harness/paths';
import { serve, type StaticServer } from '../../harness/serve';
import { readingOf } from '../../matching/char-rules';
import type { PageTermsReport } from '../../messaging/contract';

const READING = resolve('tests/fixtures/reading');
let session: FirefoxSession;
let server: StaticServer;

beforeAll(async () => {
  server = await serve({ '/r/': READING, '/p/': resolve('tests/fixtures/pdf-lines'), '/d/': resolve('tests/fixtures/definitions') });
  session = await launchFirefox(requireBuild(FIREFOX_BUILD));
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

interface Api {
  browser: { tabs: { getCurrent(): Promise<{ id?: number }> }; runtime: { sendMessage(m: unknown): Promise<unknown> } };
}

async function termsOf(path: string): Promise<PageTermsReport> {
  const url = server.url(path);
  const page = await session.browser.newPage();
  await page.goto(url);
  const report = await pageTermsIn(session, url);
  await page.close();
  return report;
}

describe('Firefox ESR: reading fidelity', () => {
  it('finds every term glued to a footnote mark or typeset oddly', async () => {
    const report = await termsOf('/r/footnotes-html.html');
    const planted = (
      JSON.parse(readFileSync(resolve(READING, 'footnotes-html.expected.json'), 'utf8')) as { expected: { id: string; form: string }[] }
    ).expected;
    for (const { id, form } of planted)
      expect(
        report.terms.find((t) => t.id === id)?.forms.map((f) => readingOf(f).toLowerCase()),
        id,
      ).toContain(readingOf(form).toLowerCase());
  });

  it("finds a paper's own acronyms and defined terms where they are used later", async () => {
    const report = await termsOf('/d/latexml-paper.html');
    expect(report.terms.filter((t) => t.source === 'page').map((t) => [t.id, t.count])).toEqual([
      ['page:critique-conditioned-fine-tuning', 3],
      ['page:reward-laundering', 2],
      ['page:probe-drift', 2],
      ['page:policy-distillation', 1],
    ]);
  });

  it('gives a news story with an economics box no highlight', async () => {
    expect((await termsOf('/r/offtopic-news-economics-box.html')).terms).toEqual([]);
  });

  it('finds terms broken across PDF lines, and says done only once every page is read', async () => {
    const viewer = await openExtensionPage(session, `pdf-viewer.html?file=${encodeURIComponent(server.url('/p/line-breaks.pdf'))}`);
    const asker = await openExtensionPage(session, 'options.html');
    const tabId = await viewer.evaluate(async () => (await (globalThis as unknown as Api).browser.tabs.getCurrent()).id!);
    const ask = () =>
      asker
        .evaluate(
          (id) => (globalThis as unknown as Api).browser.runtime.sendMessage({ type: 'get-page-terms', target: { tabId: id } }),
          tabId,
        )
        .catch(() => undefined) as Promise<PageTermsReport | undefined>;
    let done: PageTermsReport | undefined;
    for (let t0 = Date.now(); Date.now() - t0 < 45_000 && done?.status !== 'done';) {
      done = await ask();
      if (done?.status !== 'done') await new Promise((r) => setTimeout(r, 50));
    }
    expect(done?.status, JSON.stringify({ ...done, terms: done?.terms.length })).toBe('done');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await ask())!.terms).toEqual(done!.terms);
    // Broken at a line end, and found nowhere else in the paper.
    const forms = (id: string) => done!.terms.find((t) => t.id === id)?.forms.map((f) => f.toLowerCase());
    expect(forms('mesa-optimizer')).toEqual(['mesa-optimizer']);
    expect(forms('instrumental-convergence')).toEqual(['instrumental convergence']);
    expect(forms('chain-of-thought')).toContain('chain-of-thought');
    await asker.close();
    await viewer.close();
  });
});
