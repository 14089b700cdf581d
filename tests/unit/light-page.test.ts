// @vitest-environment happy-dom
/**
 * The light page every content script starts with: it stays light on a page without terms, and
 * hands everything to the full page, once, when there is something to show.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GlossaryPage, type GlossaryPageOptions } from '../../page/full/glossary-page';
import { LightPage } from '../../page/light/light-page';
import { localMatchSource } from '../../page/shared/local-match-source';
import type { MatchSource } from '../../page/shared/match-source';
import type { PageFactory } from '../../page/shared/page-factory';
import { compileMini, type MiniEntry, testTooltip } from './helpers';

const G: MiniEntry[] = [
  { id: 'inner-alignment', term: 'inner alignment' },
  { id: 'mesa-optimizer', term: 'mesa-optimizer' },
  { id: 'rlhf', term: 'RLHF' },
  { id: 'debate', term: 'AI safety via debate', gatedAliases: ['debate'] },
];

let page: LightPage | null = null;
afterEach(() => {
  page?.stop();
  page = null;
});

function setUp(html: string, factory: () => Promise<PageFactory> = async () => (doc, o) => new GlossaryPage(doc, o)) {
  document.body.innerHTML = html; // test fixture only
  const local = localMatchSource(compileMini(G));
  const source: MatchSource = { ...local, ids: local.ids, terms: local.terms, matchSnapshot: vi.fn(local.matchSnapshot) };
  const options: GlossaryPageOptions = { source, loadEntry: async () => null, loadTooltip: testTooltip };
  const loadPage = vi.fn(factory);
  page = new LightPage(document, { page: options, loadPage });
  return { page, loadPage, source };
}

/** A full page that loads only when released (the background's injection, slowed down). */
function heldLoad() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const load = async (): Promise<PageFactory> => {
    await gate;
    return (doc, o) => new GlossaryPage(doc, o);
  };
  return { release, load };
}

const settled = async (p: LightPage) => vi.waitFor(() => expect(p.report().status).toBe('done'), { timeout: 3000 });
const ids = (p: LightPage) => p.report().terms.map((t) => t.id);

describe('LightPage', () => {
  it('reads a page without terms once and never loads the full page', async () => {
    const { page, loadPage, source } = setUp('<p>Align the flex items to the start of the cross axis.</p>');
    await page.start();
    await settled(page);
    expect(loadPage).not.toHaveBeenCalled();
    expect(source.matchSnapshot).toHaveBeenCalledTimes(1);
    expect(page.report()).toMatchObject({ status: 'done', terms: [], openTooltip: null });
    expect(page.report().scannedChars).toBeGreaterThan(40);
  });

  it('loads the full page once for a page with terms, which does not read the body again', async () => {
    const { page, loadPage, source } = setUp('<p>Inner alignment and RLHF.</p><p>A mesa-optimizer.</p>');
    await page.start();
    await vi.waitFor(() => expect(ids(page)).toEqual(['inner-alignment', 'rlhf', 'mesa-optimizer']));
    await settled(page);
    expect(loadPage).toHaveBeenCalledTimes(1);
    expect(source.matchSnapshot).toHaveBeenCalledTimes(1);
  });

  it('hands over what changed while the full page was loading', async () => {
    const { release, load } = heldLoad();
    const { page } = setUp('<p>RLHF is common.</p>', load);
    await page.start();
    await vi.waitFor(() => expect(page.report().status).toBe('scanning'));
    const p = document.createElement('p');
    p.textContent = 'So is inner alignment talk.';
    document.body.append(p);
    release();
    await vi.waitFor(() => expect(ids(page)).toEqual(['rlhf', 'inner-alignment']), { timeout: 3000 });
  });

  it('holds ambiguous forms on an off-topic page, and shows them once the page turns out to be about AI', async () => {
    const { page, loadPage } = setUp('<p>The school debate team met on Friday.</p>');
    await page.start();
    await settled(page);
    expect(loadPage).not.toHaveBeenCalled();
    const p = document.createElement('p');
    p.textContent = 'Machine learning models trained with RLHF can hide a mesa-optimizer; inner alignment matters.';
    document.body.append(p);
    await vi.waitFor(() => expect(ids(page)).toEqual(expect.arrayContaining(['rlhf', 'mesa-optimizer', 'inner-alignment', 'debate'])), {
      timeout: 3000,
    });
    expect(loadPage).toHaveBeenCalledTimes(1);
  });

  it('loads the full page for a card asked for on a page without terms', async () => {
    const { page, loadPage } = setUp('<p>Nothing to see.</p>');
    await page.start();
    await settled(page);
    expect(await page.showEntryAt('rlhf', new DOMRect(10, 10, 0, 0))).toBe(true);
    expect(loadPage).toHaveBeenCalledTimes(1);
    // The full page took over the page as it was: still done, still without terms.
    expect(page.report()).toMatchObject({ status: 'done', terms: [] });
  });

  it('stays off when turned off while the full page loads, and says so', async () => {
    const { release, load } = heldLoad();
    const { page } = setUp('<p>RLHF is common.</p>', load);
    await page.start();
    await vi.waitFor(() => expect(page.report().status).toBe('scanning'));
    page.stop();
    release();
    await vi.waitFor(() => expect(page.report().status).toBe('disabled'));
    await new Promise((r) => setTimeout(r, 50));
    expect(page.report()).toMatchObject({ status: 'disabled', terms: [] });
    // On again: the full page scans the whole body itself.
    await page.start();
    await vi.waitFor(() => expect(ids(page)).toEqual(['rlhf']));
  });

  it('looks again when turned back on while its first look was still under way', async () => {
    const { page, loadPage } = setUp('<p>RLHF is common.</p>');
    void page.start();
    // Off and on again before the background has answered the first look.
    page.stop();
    await page.start();
    await vi.waitFor(() => expect(ids(page)).toEqual(['rlhf']));
    expect(loadPage).toHaveBeenCalledTimes(1);
  });

  it('reports "scanning" until it has settings, and no terms or reveals before the full page', async () => {
    const { page } = setUp('<p>RLHF.</p>');
    expect(page.report().status).toBe('scanning');
    expect(await page.reveal('rlhf')).toBe(false);
    expect(await page.step(1)).toBeNull();
  });
});
