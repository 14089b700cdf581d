/**
 * The PDF viewer in Firefox ESR (the Firefox build as a temporary add-on): the printed paper
 * renders, its terms come back through the contract (a runtime message naming the viewer's
 * tab), a hovered term opens its tooltip, and a missing PDF shows the clear message.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, openExtensionPage, type FirefoxSession } from '../../harness/firefox';
import { FIREFOX_BUILD, requireBuild } from '../../harness/paths';
import { HIGHLIGHT_PREFIX, paintedRangesScript, tooltipTextScript } from '../../harness/page-probe';
import { serve, type StaticServer } from '../../harness/serve';
import { PAPER_TERMS, makePaperPdf } from '../../harness/test-pdf';
import type { PageTermsReport } from '../../messaging/contract';

let session: FirefoxSession;
let server: StaticServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agc-pdf-ff-'));
  writeFileSync(join(dir, 'paper.pdf'), await makePaperPdf());
  server = await serve({ '/pdf/': dir });
  session = await launchFirefox(requireBuild(FIREFOX_BUILD));
});
afterAll(async () => {
  await session?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Api {
  browser: { tabs: { getCurrent(): Promise<{ id?: number }> }; runtime: { sendMessage(m: unknown): Promise<unknown> } };
}

/** The viewer's report, asked as the popup asks: from another extension page, by tab id. */
async function viewerReport(asker: Page, tabId: number, ok: (r: PageTermsReport) => boolean, ms = 20_000): Promise<PageTermsReport> {
  const t0 = Date.now();
  for (;;) {
    const r = (await asker
      .evaluate(
        (id) => (globalThis as unknown as Api).browser.runtime.sendMessage({ type: 'get-page-terms', target: { tabId: id } }),
        tabId,
      )
      .catch(() => undefined)) as PageTermsReport | undefined;
    if (r && ok(r)) return r;
    if (Date.now() - t0 > ms) throw new Error(`viewer report not ready: ${JSON.stringify(r)}`);
    await new Promise((res) => setTimeout(res, 150));
  }
}

const viewerPath = (file: string) => `pdf-viewer.html?file=${encodeURIComponent(file)}`;
const allTerms = (r: PageTermsReport) => Object.values(PAPER_TERMS).every((id) => r.terms.some((t) => t.id === id));

describe('Firefox ESR: PDF viewer', () => {
  it("renders the paper, reports its terms and opens a hovered term's tooltip", async () => {
    const viewer = await openExtensionPage(session, viewerPath(server.url('/pdf/paper.pdf')));
    const asker = await openExtensionPage(session, 'options.html');
    const tabId = await viewer.evaluate(async () => (await (globalThis as unknown as Api).browser.tabs.getCurrent()).id!);
    const report = await viewerReport(asker, tabId, (r) => r.status === 'done' && allTerms(r));
    expect(Object.keys(report).sort()).toEqual(['openTooltip', 'scanMs', 'scannedChars', 'status', 'terms']);
    await viewer.bringToFront();
    const t0 = Date.now();
    while (Date.now() - t0 < 8000 && !(await viewer.evaluate(() => document.querySelectorAll('.page canvas').length)))
      await new Promise((r) => setTimeout(r, 100));
    expect(await viewer.evaluate(() => document.querySelectorAll('.page canvas').length)).toBeGreaterThan(0);

    const target = (await viewer.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).find((p) => /mesa-optimizer/i.test(p.text))!;
    expect(target).toBeTruthy();
    await viewer.bringToFront();
    await viewer.mouse.move(target.x - 40, target.y + 40);
    await viewer.mouse.move(target.x, target.y, { steps: 4 });
    const shown = await viewerReport(asker, tabId, (r) => r.openTooltip !== null, 5000);
    expect(shown.openTooltip).toEqual({ id: 'mesa-optimizer' });
    expect(await viewer.evaluate(tooltipTextScript)).toMatch(/mesa-optimi[sz]er/i);
    await asker.close();
    await viewer.close();
  });

  it('a missing PDF shows the clear message', async () => {
    const viewer = await openExtensionPage(session, viewerPath(server.url('/pdf/missing.pdf')));
    const t0 = Date.now();
    let kind: string | null = null;
    while (Date.now() - t0 < 10_000 && !kind) {
      kind = await viewer.evaluate(() => document.querySelector('[role=alert]')?.getAttribute('data-kind') ?? null);
      if (!kind) await new Promise((r) => setTimeout(r, 100));
    }
    expect(kind).toBe('not-found');
    expect(await viewer.evaluate(() => document.querySelector('[role=alert]')!.textContent)).toMatch(/was not found/);
    await viewer.close();
  });
});
