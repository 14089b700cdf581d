/**
 * `npm run reading:report`: per reading fixture, the terms a reader would want explained and how
 * many of them the built extension finds in real Chromium (and, on pages not about AI, how many
 * it highlights: it should be none). Needs `npm run build` and /usr/bin/chromium.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, pageTerms, tabIdOf, viewerTerms } from '../harness/chromium';
import { CHROME_BUILD, requireBuild } from '../harness/paths';
import { expectedTerms, missingExpected, SHARED_PAGES, serve } from '../harness/serve';
import { HIGHLIGHT_PREFIX, paintedPlacesScript } from '../harness/page-probe';
import { readingOf } from '../matching/char-rules';
import { REAL_PAGES, readRealPage, realPageExpected, realPageNames } from '../harness/real-pages';
import type { PageTermsReport } from '../messaging/contract';

const READING = resolve('tests/fixtures/reading');
const json = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const pdfDir = mkdtempSync(join(tmpdir(), 'agc-report-pdf-'));
const server = await serve({
  '/r/': READING,
  '/p/': resolve('tests/fixtures/pdf-lines'),
  '/pages/': SHARED_PAGES,
  '/real/': REAL_PAGES,
  '/pdf/': pdfDir,
});
const session = await launchChromium(requireBuild(CHROME_BUILD));
const rows: string[][] = [];

async function web(path: string): Promise<PageTermsReport> {
  const page = await session.context.newPage();
  await page.goto(server.url(path));
  const report = await pageTerms(session, page);
  await page.close();
  return report;
}

/** The glossary's terms (a page's own definitions are explained on any page). */
const glossaryTerms = (r: PageTermsReport) => r.terms.filter((t) => t.source !== 'page');
const has = (r: PageTermsReport, id: string, form: string) =>
  r.terms.some((t) => t.id === id && t.forms.some((f) => readingOf(f).toLowerCase() === readingOf(form).toLowerCase()));

for (const name of ['footnotes-html', 'footnotes-latexml']) {
  const planted = json<{ expected: { id: string; form: string }[] }>(resolve(READING, `${name}.expected.json`)).expected;
  const r = await web(`/r/${name}.html`);
  rows.push([name, String(planted.length), String(planted.filter((p) => has(r, p.id, p.form)).length), '']);
}
// Site chrome: a term counts as found where its first occurrence is painted in the article (or,
// for a term only in the chrome, painted there).
const chrome = json<{ inArticle: string[]; chromeOnly: string[] }>(resolve(READING, 'site-chrome.expected.json'));
const chromePage = await session.context.newPage();
await chromePage.goto(server.url('/r/site-chrome.html'));
const chromeReport = await pageTerms(session, chromePage);
const places = (await chromePage.evaluate(paintedPlacesScript, HIGHLIGHT_PREFIX)).map((p) => ({ ...p, text: p.text.toLowerCase() }));
await chromePage.close();
const paintedIn = (id: string, inArticle: boolean) => {
  const forms = chromeReport.terms.find((t) => t.id === id)?.forms.map((f) => f.toLowerCase()) ?? [];
  return places.some((p) => forms.includes(p.text) && p.inArticle === inArticle);
};
const wellPlaced =
  chrome.inArticle.filter((id) => paintedIn(id, true)).length + chrome.chromeOnly.filter((id) => paintedIn(id, false)).length;
rows.push([
  'site-chrome (first occurrence painted in the article)',
  String(chrome.inArticle.length + chrome.chromeOnly.length),
  String(wellPlaced),
  '',
]);
for (const name of ['a04-ai-safety-needs-social-scientists', 'a07-ai-safety-gridworlds-readme']) {
  const expected = expectedTerms(name);
  const r = await web(`/pages/${name}.html`);
  rows.push([
    name,
    String(expected.length),
    String(
      expected.length -
        missingExpected(
          expected,
          r.terms.flatMap((t) => t.forms),
        ).length,
    ),
    '',
  ]);
}
for (const name of readdirSync(READING)
  .filter((f) => /^offtopic-.*\.html$/.test(f))
  .map((f) => f.replace(/\.html$/, ''))) {
  const r = await web(`/r/${name}.html`);
  rows.push([name, '0', '0', String(glossaryTerms(r).length)]);
}
for (const name of ['c02-css-box-alignment', 'c04-biopython-sequence-alignment'])
  rows.push([name, '0', '0', String(glossaryTerms(await web(`/pages/${name}.html`)).length)]);
// Real pages written by others (tests/fixtures/real-pages/SOURCES.md); kind "pdf" in the viewer.
const realMissing: string[] = [];
for (const name of realPageNames()) {
  const expected = realPageExpected(name);
  const r = await readRealPage(session, server, pdfDir, name);
  const missing = missingExpected(
    expected,
    r.terms.flatMap((t) => t.forms),
  );
  if (missing.length) realMissing.push(`${name}: ${missing.join(', ')}`);
  rows.push([
    `real: ${name}`,
    String(expected.length),
    String(expected.length - missing.length),
    expected.length ? '' : String(glossaryTerms(r).length),
  ]);
}

// The PDF: each planted line-end break, found as one match over two lines (every occurrence painted).
await session.serviceWorker.evaluate(() =>
  (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
    settings: { mode: 'all' },
  }),
);
const viewer = await session.context.newPage();
await viewer.goto(`chrome-extension://${session.extensionId}/pdf-viewer.html?file=${encodeURIComponent(server.url('/p/line-breaks.pdf'))}`);
await viewerTerms(session, await tabIdOf(session, viewer));
const ranges: string[] = await viewer.evaluate(() => {
  const out: string[] = [];
  for (const [name, hl] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights)
    if (name.startsWith('alignment-glossary-')) for (const r of hl) out.push(r.toString());
  return out;
});
const { planted, natural } = json<{ planted: { form: string }[]; natural: { form: string }[] }>(
  resolve('tests/fixtures/pdf-lines/line-breaks.expected.json'),
);
const breaks = [...planted, ...natural];
const broken = breaks.filter((p) =>
  ranges.some((r) => r.includes('\n') && [readingOf(r), readingOf(r, true)].some((x) => x.toLowerCase() === p.form.toLowerCase())),
);
rows.push(['line-breaks.pdf (breaks over a line end)', String(breaks.length), String(broken.length), '']);
await session.serviceWorker.evaluate(() =>
  (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome.storage.local.remove(
    'settings',
  ),
);

await session.close();
await server.close();
rmSync(pdfDir, { recursive: true, force: true });
console.log('| fixture | terms expected | found | highlights on a page not about AI |\n|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
const missed = breaks.filter((b) => !broken.includes(b)).map((b) => b.form);
if (missed.length) console.log(`\nPDF breaks not joined: ${missed.join(', ')}`);
if (realMissing.length) console.log(`\nReal pages, terms not found:\n${realMissing.join('\n')}`);
