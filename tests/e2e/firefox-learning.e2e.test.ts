/**
 * Learning over time in Firefox ESR (the Firefox build as a temporary add-on): a term the reader
 * marked as known is reported known, and one of the reader's own terms is found as source "user",
 * both read from the same storage the options page writes.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, openExtensionPage, pageTermsIn, type FirefoxSession } from '../../harness/firefox';
import { FIREFOX_BUILD, requireBuild } from '../../harness/paths';
import { serve, type StaticServer } from '../../harness/serve';

let session: FirefoxSession;
let server: StaticServer;

beforeAll(async () => {
  server = await serve({ '/l/': resolve('tests/fixtures/learning') });
  session = await launchFirefox(requireBuild(FIREFOX_BUILD));
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

interface Api {
  browser: { storage: { local: { set(v: object): Promise<void> } } };
}

describe('Firefox ESR: learning over time', () => {
  it('reports a known term as known and finds the reader’s own term', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.evaluate(() =>
      (globalThis as unknown as Api).browser.storage.local.set({
        settings: { knownTerms: ['rlhf'] },
        'my-glossary': { userTerms: [{ term: 'probe drift', definition: 'When a probe stops tracking its feature.' }], notes: {} },
      }),
    );
    const url = server.url('/l/reading-notes.html');
    const page = await session.browser.newPage();
    await page.goto(url);
    const report = await pageTermsIn(session, url);
    expect(report.terms.find((t) => t.id === 'rlhf')?.known).toBe(true);
    expect(report.terms.find((t) => t.id === 'reward-hacking')?.known).toBe(false);
    expect(report.terms.filter((t) => t.source === 'user').map((t) => [t.id, t.forms])).toEqual([['user:probe-drift', ['probe drift']]]);
    await page.close();
    await options.close();
  });
});
