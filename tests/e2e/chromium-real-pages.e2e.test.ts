/**
 * Real pages written by others (tests/fixtures/real-pages, sources and licences in its
 * SOURCES.md): on each page about AI at least 95% of the terms a reader would want explained are
 * found, or exactly the misses its gaps file explains; a page not about AI gets no glossary term. Pages of kind "pdf" are printed to PDF and read in the
 * extension's PDF viewer, as a reader would open the paper.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../../harness/chromium';
import { CHROME_BUILD, requireBuild } from '../../harness/paths';
import { missingExpected, serve, type StaticServer } from '../../harness/serve';
import {
  REAL_PAGES,
  readRealPage,
  realPageExpected as expectedOf,
  realPageGaps as gapsOf,
  realPageKind as kindOf,
  realPageNames,
} from '../../harness/real-pages';

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
  it('has at least 12 pages about AI at 95% or more, of at least five kinds, and pages that are not', () => {
    const onTopic = PAGES.filter((p) => expectedOf(p).length > 0);
    const at95 = onTopic.filter((p) => gapsOf(p).length <= expectedOf(p).length * 0.05);
    expect(at95.length).toBeGreaterThanOrEqual(12);
    expect(new Set(at95.map(kindOf)).size).toBeGreaterThanOrEqual(5);
    expect(PAGES.length - onTopic.length).toBeGreaterThanOrEqual(1);
  });

  it.each(PAGES)('%s: the terms a reader would want explained are found (95%), and none off topic', async (name) => {
    const expected = expectedOf(name);
    const report = await readRealPage(session, server, pdfDir, name);
    if (expected.length === 0) {
      // Terms the page defines itself are explained on any page; the glossary's are not.
      expect(report.terms.filter((t) => t.source !== 'page').map((t) => t.id)).toEqual([]);
      return;
    }
    const missing = missingExpected(
      expected,
      report.terms.flatMap((t) => t.forms),
    );
    // A page may list terms the extension knowingly misses (<name>.gaps.txt, with the reason):
    // exactly those are missing, so a new miss fails and so does a gap that has been closed.
    const gaps = gapsOf(name);
    if (gaps.length) expect(missing.sort(), `${name}: the known gaps, and no other miss`).toEqual([...gaps].sort());
    else
      expect((expected.length - missing.length) / expected.length, `${name}: missing ${missing.join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });
});
