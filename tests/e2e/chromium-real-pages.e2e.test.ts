/**
 * Real pages written by others (tests/fixtures/real-pages, sources and licences in its
 * SOURCES.md): on each page about AI at least 95% of the terms a reader would want explained are
 * found; a page not about AI gets no term. Pages of kind "pdf" are printed to PDF and read in the
 * extension's PDF viewer, as a reader would open the paper.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../../harness/chromium';
import { CHROME_BUILD, requireBuild } from '../../harness/paths';
import { missingExpected, serve, type StaticServer } from '../../harness/serve';
import { REAL_PAGES, readRealPage, realPageExpected as expectedOf, realPageKind as kindOf, realPageNames } from '../../harness/real-pages';

const PAGES = realPageNames();

let session: ChromiumSession;
let server: StaticServer;
let pdfDir: string;

beforeAll(async () => {
  pdfDir = mkdtempSync(join(tmpdir(), 'agc-real-pdf-'));
  server = await serve({ '/real/': REAL_PAGES, '/pdf/': pdfDir });
  session = await launchChromium(requireBuild(CHROME_BUILD));
});
afterAll(async () => {
  await session?.close();
  await server?.close();
  if (pdfDir) rmSync(pdfDir, { recursive: true, force: true });
});

describe('Chromium: real pages', () => {
  it('has at least 12 pages about AI, of at least five kinds, and pages that are not', () => {
    const onTopic = PAGES.filter((p) => expectedOf(p).length > 0);
    expect(onTopic.length).toBeGreaterThanOrEqual(12);
    expect(new Set(onTopic.map(kindOf)).size).toBeGreaterThanOrEqual(5);
    expect(PAGES.length - onTopic.length).toBeGreaterThanOrEqual(1);
  });

  it.each(PAGES)('%s: the terms a reader would want explained are found (95%), and none off topic', async (name) => {
    const expected = expectedOf(name);
    const report = await readRealPage(session, server, pdfDir, name);
    if (expected.length === 0) {
      expect(report.terms.map((t) => t.id)).toEqual([]);
      return;
    }
    const missing = missingExpected(
      expected,
      report.terms.flatMap((t) => t.forms),
    );
    const found = (expected.length - missing.length) / expected.length;
    expect(found, `${name}: missing ${missing.join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });
});
