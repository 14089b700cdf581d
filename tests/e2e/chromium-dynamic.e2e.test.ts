/**
 * Pages that move: a React app that hydrates server HTML and keeps re-rendering the highlighted
 * text, a page that mutates constantly, and a 5-million-character page.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, openWatched, pageTerms, type ChromiumSession } from '../../harness/chromium';
import { CHROME_BUILD, requireBuild } from '../../harness/paths';
import { HIGHLIGHT_PREFIX, paintedRangesScript } from '../../harness/page-probe';
import { buildReactFixture } from '../../harness/react-fixture';
import { serve, type StaticServer } from '../../harness/serve';
import { glossaryDir, loadGlossary } from '../../glossary/load';
import { compileMatcher } from '../../matching/compile';
import { generatePage, plantableEntries } from '../../bench/generate-page';

let session: ChromiumSession;
let server: StaticServer;
let generated: { html: string; truth: Map<string, number> };

beforeAll(async () => {
  const reactDir = await buildReactFixture();
  const { entries } = loadGlossary(glossaryDir());
  const matcher = compileMatcher(entries);
  const plant = plantableEntries(entries, matcher)
    .slice(0, 30)
    .map((e, i) => ({ id: e.id, form: e.term, count: 3 + (i % 5) }));
  generated = generatePage(matcher, { words: 830_000, seed: 9, plant, title: 'Five million characters' });
  const bigDir = mkdtempSync(join(tmpdir(), 'agc-5m-'));
  writeFileSync(join(bigDir, 'big.html'), generated.html);
  writeFileSync(
    join(bigDir, 'mutating.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>Mutating</title></head><body><main id="m"><p>Start about inner alignment.</p></main>
<script>
let n = 0;
const m = document.getElementById('m');
setInterval(() => {
  const p = document.createElement('p');
  p.textContent = 'Update ' + (n++) + ': notes on reward hacking, goal misgeneralization and a mesa-optimizer.';
  m.append(p);
  if (m.children.length > 200) m.children[1].remove();
  // The first paragraph is rewritten every 10 ms for 1.5 s, then holds still (the feed goes on).
  if (n < 150) m.firstElementChild.textContent = 'Rewritten ' + n + ' about inner alignment.';
}, 10);
</script></body></html>`,
  );
  server = await serve({ '/react/': reactDir, '/gen/': bigDir });
  session = await launchChromium(requireBuild(CHROME_BUILD));
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

function open(path: string) {
  return openWatched(session.context, server.url(path));
}

const painted = (page: Page) => page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX).then((r) => r.map((x) => x.text));

describe('Chromium: pages that move', () => {
  it('a React app hydrates without warnings, keeps working, and highlights follow its re-renders', async () => {
    const { page, errors } = await open('/react/index.html');
    await expect
      .poll(async () => (await pageTerms(session, page)).terms.map((t) => t.id), { timeout: 5000 })
      .toEqual(expect.arrayContaining(['inner-alignment', 'mesa-optimizer', 'reward-hacking']));
    // The app keeps rendering (the counter advances) and reacts to input.
    const c1 = Number(await page.textContent('#count'));
    await page.waitForTimeout(600);
    expect(Number(await page.textContent('#count'))).toBeGreaterThan(c1);
    await page.click('#switch');
    await expect.poll(() => page.textContent('#live em')).toBe('goal misgeneralization');
    // Highlights follow: the new topic is marked, on the app's current nodes.
    await expect.poll(() => painted(page), { timeout: 5000 }).toContain('goal misgeneralization');
    expect(await page.evaluate(() => (window as unknown as { __hydrationErrors: string[] }).__hydrationErrors)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Long tasks and time per second on pages that change are the benchmark's (npm run bench: the
  // feed), never this suite's: a busy machine would fail them.
  it('a page that mutates every 10 ms keeps working, and its terms are found once text holds still', async () => {
    const { page, errors } = await open('/gen/mutating.html');
    // Text replaced faster than a match round trip is painted once it holds still (1.5 s here).
    await page.waitForTimeout(3000);
    const report = await pageTerms(session, page);
    expect(report.terms.map((t) => t.id)).toEqual(
      expect.arrayContaining(['inner-alignment', 'reward-hacking', 'goal-misgeneralization', 'mesa-optimizer']),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a 5-million-character page is scanned completely, with exact counts', async () => {
    const { page } = await open('/gen/big.html');
    const report = await pageTerms(session, page, 60_000);
    expect(report.scannedChars).toBeGreaterThan(5_000_000);
    expect(Object.fromEntries(report.terms.map((t) => [t.id, t.count]))).toEqual(Object.fromEntries(generated.truth));
    await page.close();
  });
});
