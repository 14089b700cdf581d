/**
 * Learning over time in real Chromium. Known terms: Mark as known on a card or in the popup makes
 * the term faint on every page (after a reload too), the contract says `known: true`, the badge
 * leaves it out, the options page lists it with Unmark, "hide" takes it off the page, and a
 * version-2 settings file brings known terms in while a bad one is refused whole. History: a hover
 * and a popup entry are recorded, without addresses unless asked. Exports: CSV, Anki, reading prep.
 * Your terms: added in the options form or from "Add to my glossary", found on pages as
 * `source: 'user'` with a "Your term" card; one that takes a glossary form is refused; a note on a
 * bundled entry shows on its card.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evaluateInContentWorld, launchChromium, pageTerms, tabIdOf, type ChromiumSession } from '../../harness/chromium';
import { CHROME_BUILD, requireBuild } from '../../harness/paths';
import { HIGHLIGHT_PREFIX, paintedByNameScript, paintedCentreScript, tooltipTextScript } from '../../harness/page-probe';
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

/** A settings file written for an import test. */
function file(name: string, doc: object): string {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(doc));
  return p;
}

/** Painted ranges as [highlight name, text]. */
const painted = (page: Page) => page.evaluate(paintedByNameScript, HIGHLIGHT_PREFIX);

/** Hover the first painted range reading `text` until its card is open. */
async function hoverCard(page: Page, text: string): Promise<string> {
  const box = await page.evaluate(paintedCentreScript, { prefix: HIGHLIGHT_PREFIX, text });
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

  it('an entry opened at once (a look-up from the context menu) shows it is known and its note', async () => {
    await session.serviceWorker.evaluate(() =>
      chrome.storage.local.set({
        settings: { knownTerms: ['corrigibility'] },
        'my-glossary': { userTerms: [], notes: { corrigibility: 'Start with Soares et al.' } },
      }),
    );
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?q=corrigibility`);
    await expect.poll(() => popup.getByRole('button', { name: 'Mark as known' }).getAttribute('aria-pressed')).toBe('true');
    expect(await popup.inputValue('#note-text')).toBe('Start with Soares et al.');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('entry-term');
    await popup.close();
  });

  it('a version-2 settings file makes its known terms known; a file naming an unknown entry is refused whole', async () => {
    const page = await open();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
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

    // A huge file is refused before it is read.
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, JSON.stringify({ ...v2, knownTerms: [], padding: 'x'.repeat(6_000_000) }));
    await options.locator('#import-file').setInputFiles(huge);
    await expect.poll(() => options.locator('#message').textContent()).toMatch(/Could not import huge\.json: it is larger than 5 MB/);
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

/** The options page's "Your terms" form, filled and sent. */
async function addTerm(options: Page, t: { term?: string; aliases?: string; definition: string; source?: string }) {
  if (t.term !== undefined) await options.fill('#ut-term', t.term);
  if (t.aliases !== undefined) await options.fill('#ut-aliases', t.aliases);
  await options.fill('#ut-definition', t.definition);
  if (t.source !== undefined) await options.fill('#ut-source', t.source);
  await options.locator('#ut-save').click();
}

const userTerms = async (page: Page) =>
  (await pageTerms(session, page)).terms.filter((t) => t.source === 'user').map((t) => [t.id, t.term, t.count, [...t.forms].sort()]);

describe('Chromium: your own terms', () => {
  it('a term added in the options form is found on open pages as source "user", with a "Your term" card; edit and delete follow', async () => {
    const page = await open();
    expect(await userTerms(page)).toEqual([]);
    const options = await session.context.newPage();
    options.setDefaultTimeout(15_000);
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await addTerm(options, {
      term: 'probe drift',
      aliases: 'PD, probe-drift',
      definition: 'When a linear probe stops tracking its feature as the model is trained further.',
      source: 'https://example.org/probe-drift',
    });
    await expect.poll(() => options.locator('#message').textContent()).toMatch(/probe drift added/);
    await expect.poll(() => userTerms(page)).toEqual([['user:probe-drift', 'probe drift', 1, ['probe drift']]]);
    const card = await hoverCard(page, 'probe drift');
    expect(card).toContain('Your term');
    expect(card).toContain('When a linear probe stops tracking its feature');
    expect(card).toContain('example.org/probe-drift');
    await page.mouse.move(5, 5);

    // A term that is already a glossary form is refused, naming the entry; nothing changes.
    await addTerm(options, { term: 'RLHF', definition: 'mine' });
    await expect
      .poll(() => options.locator('#message').textContent())
      .toMatch(/Not saved: "RLHF" is already a form of the glossary entry "reinforcement learning from human feedback"/);
    expect(await options.locator('#message').getAttribute('role')).toBe('alert');
    expect(await options.locator('#user-terms li').count()).toBe(1);

    await options.getByRole('button', { name: 'Edit probe drift' }).click();
    expect(await options.inputValue('#ut-definition')).toMatch(/^When a linear probe/);
    await addTerm(options, { term: 'probe decay', aliases: '', definition: 'Renamed.' });
    await expect.poll(() => userTerms(page)).toEqual([]);
    await options.getByRole('button', { name: 'Delete probe decay' }).click();
    await expect.poll(() => options.locator('#user-terms li').count()).toBe(0);
    await options.close();
    await page.close();
  });

  it('"Add to my glossary" on a selection opens the form with the term in it; once saved, the page finds it', async () => {
    const page = await open();
    const opened = session.context.waitForEvent('page');
    // The context menu's path, driven through its message.
    await evaluateInContentWorld(
      session,
      page,
      `chrome.runtime.sendMessage({ type: 'add-to-my-glossary', text: '  critique\\n laundering ' })`,
    );
    const options = await opened;
    options.setDefaultTimeout(15_000);
    await options.waitForLoadState();
    expect(options.url()).toMatch(/options\.html\?add=critique\+laundering#your-terms$/);
    await expect.poll(() => options.inputValue('#ut-term')).toBe('critique laundering');
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('ut-definition');
    await addTerm(options, { definition: 'Passing a weak critique through a stronger model so that it reads as sound.' });
    await expect.poll(() => userTerms(page)).toEqual([['user:critique-laundering', 'critique laundering', 1, ['critique laundering']]]);
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
    await page.close();
  });

  it('a version-2 file brings its own terms and notes; one with a broken user term is refused whole', async () => {
    const page = await open();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const v2 = { format: 'alignment-glossary-settings', version: 2, settings: {}, knownTerms: [] };
    await options.locator('#import-file').setInputFiles(
      file('terms.json', {
        ...v2,
        userTerms: [{ term: 'probe drift', definition: 'A probe that drifts.' }],
        notes: { 'mesa-optimizer': 'See Hubinger et al.' },
      }),
    );
    await expect.poll(() => options.locator('#message').textContent()).toMatch(/imported/);
    await expect.poll(() => userTerms(page)).toEqual([['user:probe-drift', 'probe drift', 1, ['probe drift']]]);
    expect(await hoverCard(page, 'mesa-optimizer')).toContain('Your note: See Hubinger et al.');

    await options.locator('#import-file').setInputFiles(
      file('broken.json', {
        ...v2,
        settings: { mode: 'all' },
        userTerms: [{ term: 'critique laundering', definition: 'ok' }, { term: 'no definition' }],
      }),
    );
    await expect
      .poll(() => options.locator('#message').textContent())
      .toMatch(/Could not import broken\.json: its term number 2 cannot be added: "no definition" has no definition/);
    expect(await userTerms(page)).toEqual([['user:probe-drift', 'probe drift', 1, ['probe drift']]]);
    expect((await session.serviceWorker.evaluate(() => chrome.storage.local.get('settings'))).settings).toMatchObject({ mode: 'first' });
    await options.close();
    await page.close();
  });

  it('a note written in the popup shows on the entry’s card', async () => {
    const page = await open();
    const popup = await openPopup(page);
    await popup.fill('#search', 'corrigibility');
    await popup.keyboard.press('Enter');
    await popup.locator('details.your-note summary').click();
    await popup.fill('#note-text', 'Soares et al. 2015 is the place to start.');
    await popup.locator('#save-note').click();
    await expect.poll(() => popup.locator('[role=status]').last().textContent()).toMatch(/Note saved/);
    expect(await hoverCard(page, 'Corrigibility')).toContain('Your note: Soares et al. 2015 is the place to start.');
    await popup.close();
    await page.close();
  });
});

describe('Chromium: sync', () => {
  const synced = () =>
    session.serviceWorker.evaluate(() =>
      (chrome as unknown as { storage: { sync: { get(k: null): Promise<Record<string, unknown>> } } }).storage.sync.get(null),
    );

  it('is off by default: marking a term known writes nothing to the browser’s sync storage', async () => {
    await session.serviceWorker.evaluate(() =>
      (chrome as unknown as { storage: { sync: { clear(): Promise<void> } } }).storage.sync.clear(),
    );
    const page = await open();
    await hoverCard(page, 'RLHF');
    await page.getByRole('button', { name: 'Mark as known' }).click();
    await expect.poll(() => knownIds(page)).toEqual(['rlhf']);
    await page.waitForTimeout(1000);
    expect((await session.serviceWorker.evaluate(() => chrome.storage.local.get('settings'))).settings).toMatchObject({ sync: false });
    expect(await synced()).toEqual({});
    await page.close();
  });

  it('when on, known terms go to sync storage, and a copy from another browser is applied here', async () => {
    await session.serviceWorker.evaluate(() =>
      (chrome as unknown as { storage: { sync: { clear(): Promise<void> } } }).storage.sync.clear(),
    );
    const page = await open();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('#sync').check();
    await expect.poll(() => options.locator('#sync-status').textContent()).toMatch(/^Synced /);
    await hoverCard(page, 'RLHF');
    await page.getByRole('button', { name: 'Mark as known' }).click();
    await expect
      .poll(async () => {
        const items = await synced();
        return JSON.parse(String(items['agc-learned-0'] ?? '{}')).knownTerms;
      })
      .toEqual(['rlhf']);
    // Another of the reader's browsers writes its copy: this one takes it.
    await session.serviceWorker.evaluate(() => {
      const copy = {
        knownTerms: ['corrigibility'],
        userTerms: [],
        notes: {},
        device: 'another-browser',
        updated: Date.now(),
        left: { userTerms: 0, notes: 0 },
      };
      return (chrome as unknown as { storage: { sync: { set(v: object): Promise<void> } } }).storage.sync.set({
        'agc-learned-0': JSON.stringify(copy),
        'agc-learned-count': '1',
      });
    });
    await expect.poll(() => knownIds(page)).toEqual(['corrigibility']);
    await options.locator('#sync').uncheck();
    await options.close();
    await page.close();
  });
});
