/**
 * Learning over time in real Chromium. Known terms: Mark as known on a card or in the popup makes
 * the term faint on every page (after a reload too), the contract says `known: true`, the badge
 * leaves it out, the options page lists it with Unmark, "hide" takes it off the page, and a
 * version-2 settings file brings known terms in while a bad one is refused whole. History: a hover
 * and a popup entry are recorded, without addresses unless asked. Exports: CSV, Anki, reading prep.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, pageTerms, tabIdOf, type ChromiumSession } from '../../harness/chromium';
import { CHROME_BUILD, requireBuild } from '../../harness/paths';
import { HIGHLIGHT_PREFIX, tooltipTextScript } from '../../harness/page-probe';
import { serve, type StaticServer } from '../../harness/serve';
import { axeViolations } from '../../harness/axe';

declare const chrome: {
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void>; clear(): Promise<void> } };
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

async function openPopup(page: Page): Promise<Page> {
  const popup = await session.context.newPage();
  popup.setDefaultTimeout(15_000);
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${await tabIdOf(session, page)}`);
  return popup;
}

const storedHistory = async () =>
  (
    (await session.serviceWorker.evaluate(() => chrome.storage.local.get('history'))).history as
      { rows: { id: string; count: number; pages?: string[] }[] } | undefined
  )?.rows ?? [];

/** Click a button that saves a file and return the file's text. */
async function downloaded(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}

describe('Chromium: history', () => {
  it('records a hover and a popup entry, with no address unless asked; Clear history empties it; off records nothing', async () => {
    const page = await open();
    await hoverCard(page, 'RLHF');
    await expect.poll(storedHistory).toEqual([expect.objectContaining({ id: 'rlhf', count: 1 })]);
    expect((await storedHistory())[0]!.pages).toBeUndefined();

    const popup = await openPopup(page);
    await popup.fill('#search', 'corrigibility');
    await popup.keyboard.press('Enter');
    await expect.poll(async () => (await storedHistory()).map((r) => r.id)).toEqual(['rlhf', 'corrigibility']);
    await popup.keyboard.press('Escape');
    await popup.locator('#open-history').click();
    await expect
      .poll(() => popup.locator('.history-list .history-term').allTextContents())
      .toEqual(['Corrigibility', 'Reinforcement learning from human feedback']);
    expect(await axeViolations(popup)).toEqual([]);

    // "Remember where I saw it": the page's address is kept with the term.
    await session.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { historyPages: true } }));
    await page.mouse.move(5, 5);
    await hoverCard(page, 'reward hacking');
    await expect.poll(async () => (await storedHistory()).find((r) => r.id === 'reward-hacking')?.pages).toEqual([page.url()]);

    await popup.locator('#clear-history').click();
    await expect.poll(storedHistory).toEqual([]);
    expect(await popup.locator('.history .empty').textContent()).toMatch(/No term looked up yet/);

    await session.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { history: false } }));
    await page.mouse.move(5, 5);
    await hoverCard(page, 'RLHF');
    await popup.locator('.history .back').click();
    await popup.fill('#search', 'mesa-optimizer');
    await popup.keyboard.press('Enter');
    await popup.waitForTimeout(500);
    expect(await storedHistory()).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('Chromium: study exports', () => {
  it('the page terms as CSV and Anki notes, a reading prep of those not known, and the history as CSV', async () => {
    await session.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { knownTerms: ['reward-hacking'] } }));
    const page = await open();
    const terms = (await pageTerms(session, page)).terms;
    const popup = await openPopup(page);
    await expect.poll(() => popup.locator('#export-page-csv').count()).toBe(1);

    const csv = await downloaded(popup, '#export-page-csv');
    expect(csv.name).toMatch(/-reading-notes-terms\.csv$/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('term,id,category,gist,definition,source,on this page');
    expect(lines).toHaveLength(terms.length + 1);
    expect(lines.some((l) => l.startsWith('Reinforcement learning from human feedback,rlhf,'))).toBe(true);

    const anki = await downloaded(popup, '#export-page-anki');
    const notes = anki.text
      .trimEnd()
      .split('\n')
      .filter((l) => !l.startsWith('#'));
    expect(notes).toHaveLength(terms.length);
    expect(notes.every((n) => n.split('\t').length === 3)).toBe(true);

    const prep = await downloaded(popup, '#export-page-prep');
    expect(prep.text).toMatch(/^# Reading prep: /);
    expect(prep.text).toContain('## Reinforcement learning from human feedback');
    expect(prep.text).not.toContain('## reward hacking');
    expect(prep.text).toContain(`${terms.length - 1} terms on this page you have not marked as known`);

    await hoverCard(page, 'RLHF');
    await expect.poll(async () => (await storedHistory()).length).toBe(1);
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const history = await downloaded(options, '#export-history-csv');
    expect(history.text.split('\r\n')[1]).toMatch(/^Reinforcement learning from human feedback,rlhf,.*,1,\d{4}-\d{2}-\d{2}$/);
    const known = await downloaded(options, '#export-known-csv');
    expect(
      known.text
        .trimEnd()
        .split('\r\n')
        .map((l) => l.split(',')[1]),
    ).toEqual(['id', 'reward-hacking']);
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
    await popup.close();
    await page.close();
  });
});
