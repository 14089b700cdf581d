// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findAll, queryPattern } from '../../pdf/find-text';
import { classifyFetchFailure, classifyParseFailure, failureMessageKeys, looksLikePdf, type FailureKind } from '../../pdf/load-failure';
import { MAX_SCALE, MIN_SCALE, clampScale, fitWidthScale, stepScale } from '../../pdf/zoom';
import { TextFinder } from '../../pdf/text-finder';
import messages from '../../public/_locales/en/messages.json';

describe('find in text', () => {
  it('finds every hit, case-insensitively, across runs of whitespace and line breaks', () => {
    const text = 'Reward hacking is bad.\nReward\nhacking again; reward  HACKING.';
    expect(findAll(text, 'reward hacking').map(([s, e]) => text.slice(s, e))).toEqual([
      'Reward hacking',
      'Reward\nhacking',
      'reward  HACKING',
    ]);
  });

  it('treats the query as text, not a pattern, and forgives curly apostrophes', () => {
    expect(findAll('a.b axb', 'a.b')).toEqual([[0, 3]]);
    expect(findAll('(x+y)*', '(x+y)*')).toEqual([[0, 6]]);
    expect(findAll('Goodhart’s law', "goodhart's law")).toEqual([[0, 14]]);
    expect(queryPattern('   ')).toBeNull();
    expect(findAll('anything', '')).toEqual([]);
  });
});

describe('TextFinder', () => {
  it('finds hits across the spans of text layers and steps through them with wrap-around', () => {
    document.body.innerHTML = // test fixture only
      '<div id="pages"><div class="page" data-page="1"><div class="textLayer"><span>a good</span><br><span>measure</span></div></div>' +
      '<div class="page" data-page="2"><div class="textLayer"><span>the measure</span></div></div></div>';
    const finder = new TextFinder(document, document.getElementById('pages')!);
    expect(finder.search('good measure')).toEqual({ total: 1, current: 0, page: null });
    expect(finder.search('measure').total).toBe(2);
    expect(finder.step(1)).toEqual({ total: 2, current: 1, page: 1 });
    expect(finder.step(1)).toEqual({ total: 2, current: 2, page: 2 });
    expect(finder.step(1)).toEqual({ total: 2, current: 1, page: 1 });
    expect(finder.step(-1)).toEqual({ total: 2, current: 2, page: 2 });
    expect(finder.search('absent')).toEqual({ total: 0, current: 0, page: null });
  });
});

describe('load failures', () => {
  it('names what happened', () => {
    expect(classifyFetchFailure('https://x.org/a.pdf', 404)).toEqual({ kind: 'not-found', status: 404 });
    expect(classifyFetchFailure('https://x.org/a.pdf', 410).kind).toBe('not-found');
    expect(classifyFetchFailure('https://x.org/a.pdf', 403)).toEqual({ kind: 'http', status: 403 });
    expect(classifyFetchFailure('https://x.org/a.pdf', null)).toEqual({ kind: 'network' });
    expect(classifyFetchFailure('file:///tmp/a.pdf', null)).toEqual({ kind: 'file-access' });
    expect(classifyParseFailure(Object.assign(new Error('x'), { name: 'PasswordException' }))).toEqual({ kind: 'password' });
    expect(classifyParseFailure(Object.assign(new Error('x'), { name: 'InvalidPDFException' }))).toEqual({ kind: 'not-pdf' });
    expect(classifyParseFailure('weird')).toEqual({ kind: 'not-pdf' });
  });

  it('recognises a PDF by its header, also after a little junk', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(looksLikePdf(enc('%PDF-1.7\n...'))).toBe(true);
    expect(looksLikePdf(enc('\n\n  %PDF-1.4'))).toBe(true);
    expect(looksLikePdf(enc('<!doctype html><title>404</title>'))).toBe(false);
    expect(looksLikePdf(new Uint8Array())).toBe(false);
  });

  it('every failure has a title and a hint in _locales, and file access names the browser switch', () => {
    const kinds: FailureKind[] = ['no-file', 'unsupported', 'not-found', 'http', 'network', 'file-access', 'not-pdf', 'password'];
    const strings = messages as Record<string, { message: string }>;
    for (const firefox of [false, true]) {
      for (const kind of kinds) {
        const { title, hint } = failureMessageKeys({ kind }, firefox);
        expect(strings[title]?.message, `${kind} title`).toBeTruthy();
        expect(strings[hint]?.message, `${kind} hint`).toBeTruthy();
      }
    }
    expect(strings[failureMessageKeys({ kind: 'file-access' }, false).hint]!.message).toContain('Allow access to file URLs');
    expect(strings[failureMessageKeys({ kind: 'file-access' }, true).hint]!.message).toMatch(/Firefox does not let add-ons read files/);
  });
});

describe('zoom', () => {
  it('steps up and down through fixed levels, within bounds', () => {
    expect(stepScale(1, 1)).toBe(1.1);
    expect(stepScale(1, -1)).toBe(0.9);
    expect(stepScale(1.37, 1)).toBe(1.5);
    expect(stepScale(1.37, -1)).toBe(1.25);
    expect(stepScale(MAX_SCALE, 1)).toBe(MAX_SCALE);
    expect(stepScale(MIN_SCALE, -1)).toBe(MIN_SCALE);
  });

  it('fits the page width with a margin and clamps nonsense', () => {
    expect(fitWidthScale(612, 1256, 16)).toBeCloseTo(2, 5);
    expect(fitWidthScale(612, 100)).toBe(MIN_SCALE);
    expect(fitWidthScale(0, 1000)).toBe(1);
    expect(clampScale(Number.NaN)).toBe(1);
    expect(clampScale(99)).toBe(MAX_SCALE);
  });
});
