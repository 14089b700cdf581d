/**
 * Known terms in real Chromium: Mark as known on a card or in the popup makes the term faint on
 * every page (after a reload too), the contract says `known: true`, the badge leaves it out, the
 * options page lists it with Unmark, "hide" takes it off the page, and a version-2 settings file
 * brings known terms in while a bad one is refused whole.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, pageTerms, tabIdOf, type ChromiumSession } from '../../harness/chromium';
import { CHROME_BUILD, requireBuild } from '../../harness/paths';
import { HIGHLIGHT_PREFIX, tooltipTextScript } from '../../harness/page-probe';
import { serve, type StaticServer } from '../../harness/serve';

declare const chrome: {
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; clear(): Promise<void> } };
};

const KNOWN = `${HIGHLIGHT_PREFIX}known-underline-tint`;
const GLOSSARY = `${HIGHLIGHT_PREFIX}underline-tint`;
let session: ChromiumSession;
let server: StaticServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agc-learning-'));
  server = await serve({ '/l/': resolve('tests/fixtures/learning') });
  session = await launchChromium(requireBuild(CHROME_BUILD));
});
afterAll(async () => {
  await session?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
// Each test starts from no settings at all: nothing known.
beforeEach(async () => {
  await session.serviceWorker.evaluate(() => chrome.storage.local.clear());
});

async function open(): Promise<Page> {
  const page = await session.context.newPage();
  page.setDefaultTimeout(15_000);
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto(server.url('/l/reading-notes.html'));
  await pageTerms(session, page);
  return page;
}

/** Painted ranges as [highlight name, text]. */
const painted = (page: Page) =>
  page.evaluate((prefix) => {
    const out: [string, string][] = [];
    for (const [name, hl] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights)
      if (name.startsWith(prefix)) for (const r of hl) out.push([name, r.toString()]);
    return out;
  }, HIGHLIGHT_PREFIX);

/** Hover the first painted range reading `text` until its card is open. */
async function hoverCard(page: Page, text: string): Promise<string> {
  const box = await page.evaluate(
    ({ prefix, text }) => {
      for (const [name, hl] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
        if (!name.startsWith(prefix)) continue;
        for (const r of hl)
          if (r.toString() === text) {
            const b = r.getClientRects()[0]!;
            return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
          }
      }
      return null;
    },
    { prefix: HIGHLIGHT_PREFIX, text },
  );
  expect(box, `a painted "${text}"`).not.toBeNull();
  await page.mouse.move(box!.x - 30, box!.y + 60);
  await page.mouse.move(box!.x, box!.y, { steps: 4 });
  await expect.poll(() => page.evaluate(tooltipTextScript), { timeout: 10_000 }).not.toBeNull();
  return (await page.evaluate(tooltipTextScript))!;
}

const badge = async (page: Page) => {
  const tabId = await tabIdOf(session, page);
  return session.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
};

const knownIds = async (page: Page) => (await pageTerms(session, page)).terms.filter((t) => t.known).map((t) => t.id);

describe('Chromium: known terms', () => {
  it('Mark as known on a card fades the term, here and after a reload; the contract and the badge follow', async () => {
    const page = await open();
    const terms = (await pageTerms(session, page)).terms;
    expect(terms.length).toBeGreaterThan(3);
    expect(terms.every((t) => t.known === false)).toBe(true);
    await expect.poll(() => badge(page)).toBe(String(terms.length));
    expect(await painted(page)).toContainEqual([GLOSSARY, 'RLHF']);

    await hoverCard(page, 'RLHF');
    const button = page.getByRole('button', { name: 'Mark as known' });
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => painted(page)).toContainEqual([KNOWN, 'RLHF']);
    expect(await painted(page)).not.toContainEqual([GLOSSARY, 'RLHF']);

    await page.reload();
    await pageTerms(session, page);
    await expect.poll(() => painted(page)).toContainEqual([KNOWN, 'RLHF']);
    expect(await knownIds(page)).toEqual(['rlhf']);
    await expect.poll(() => badge(page)).toBe(String(terms.length - 1));
    // A faded term still opens its card, which shows it as known; pressing again undoes it.
    await hoverCard(page, 'RLHF');
    expect(await page.getByRole('button', { name: 'Mark as known' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Mark as known' }).click();
    await expect.poll(() => painted(page)).toContainEqual([GLOSSARY, 'RLHF']);
    await expect.poll(() => knownIds(page)).toEqual([]);
    await page.close();
  });

  it('the popup marks an entry as known; the options page lists it and Unmark brings it back; "hide" takes it off the page', async () => {
    const page = await open();
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${await tabIdOf(session, page)}`);
    await popup.fill('#search', 'corrigibility');
    await popup.keyboard.press('Enter');
    await popup.getByRole('button', { name: 'Mark as known' }).click();
    await expect.poll(() => painted(page)).toContainEqual([KNOWN, 'Corrigibility']);
    await popup.close();

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await expect.poll(() => options.locator('#known-terms li').allTextContents()).toEqual(['CorrigibilityUnmark']);
    await options.locator('#knownStyle-hide').check();
    await expect.poll(async () => (await painted(page)).map(([, t]) => t)).not.toContain('Corrigibility');
    // Hidden, but still on the page: the contract lists it, known.
    expect(await knownIds(page)).toEqual(['corrigibility']);
    await options.getByRole('button', { name: 'Unmark corrigibility' }).click();
    await expect.poll(() => options.locator('#message').textContent()).toMatch(/no longer marked as known/);
    await expect.poll(() => painted(page)).toContainEqual([GLOSSARY, 'Corrigibility']);
    expect(await knownIds(page)).toEqual([]);
    await options.close();
    await page.close();
  });

  it('a version-2 settings file makes its known terms known; a file naming an unknown entry is refused whole', async () => {
    const page = await open();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const file = (name: string, doc: object) => {
      const p = join(dir, name);
      writeFileSync(p, JSON.stringify(doc));
      return p;
    };
    const v2 = { format: 'alignment-glossary-settings', version: 2, settings: { mode: 'first' }, userTerms: [], notes: {} };
    await options.locator('#import-file').setInputFiles(file('mine.json', { ...v2, knownTerms: ['mesa-optimizer', 'reward-hacking'] }));
    await expect.poll(() => options.locator('#message').textContent()).toMatch(/imported/);
    await expect.poll(() => knownIds(page)).toEqual(['reward-hacking', 'mesa-optimizer']);
    expect(await painted(page)).toContainEqual([KNOWN, 'mesa-optimizer']);

    await options
      .locator('#import-file')
      .setInputFiles(file('bad.json', { ...v2, settings: { mode: 'all' }, knownTerms: ['rlhf', 'no-such-term'] }));
    await expect
      .poll(() => options.locator('#message').textContent())
      .toMatch(/Could not import bad\.json: .*"no-such-term", which is not an entry/);
    // Nothing changed: the earlier known terms and mode stand.
    const stored = await session.serviceWorker.evaluate(() => chrome.storage.local.get('settings'));
    expect(stored.settings).toMatchObject({ mode: 'first', knownTerms: ['mesa-optimizer', 'reward-hacking'] });
    expect(await knownIds(page)).toEqual(['reward-hacking', 'mesa-optimizer']);
    await options.close();
    await page.close();
  });
});
