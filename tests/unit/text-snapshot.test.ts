/**
 * The text snapshot (page/shared/text-snapshot.ts) against matching each block on its own: for random
 * pages, a block's matches read off the snapshot are exactly the block's own, and a snapshot
 * without matches means no block has any.
 */
// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMatches } from '../../matching/find-matches';
import { matchSnapshot, snapshotTexts } from '../../matching/match-snapshot';
import { localMatchSource } from '../../page/shared/local-match-source';
import { readSnapshot, SnapshotMatches } from '../../page/shared/text-snapshot';
import { PageScanner } from '../../page/full/page-scanner';
import { TermIndex } from '../../page/full/term-index';
import { TextWalker } from '../../page/shared/text-walker';
import { compileMini, type MiniEntry } from './helpers';
import { terminalOf } from '../../matching/compiled';

const G: MiniEntry[] = [
  { id: 'inner-alignment', term: 'inner alignment' },
  { id: 'mesa-optimizer', term: 'mesa-optimizer' },
  { id: 'reward-model', term: 'reward model' },
  { id: 'elk', term: 'eliciting latent knowledge', aliases: ['ELK'] },
  { id: 'goodhart', term: "Goodhart's law", aliases: ['Goodhart'] },
  { id: 'rlhf', term: 'RLHF' },
  { id: 'debate', term: 'AI safety via debate', gatedAliases: ['debate'] },
  { id: 'p-doom', term: 'p(doom)' },
];
const matcher = compileMini(G);

const words = [
  '\u00ad',
  '‐',
  '−',
  '-\n',
  'p(doom)',
  'AI',
  'machine learning',
  'inner',
  'alignment',
  'inner alignment',
  'mesa',
  'optimizer',
  'mesa-optimizer',
  'reward',
  'model',
  'ELK',
  'RLHF',
  "Goodhart's",
  'Goodhart',
  'law',
  'debate',
  'the',
  'x',
  '—',
  '-',
  "'",
  '’',
  '.',
  ',',
  '(',
  '\n',
  ' ',
  'é',
  '中文',
];
const piece = fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 3 }));
/** What stands between two blocks in the joined text: white space, punctuation, a glued letter, nothing. */
const between = fc.constantFrom('', ' ', '\n', '.', 'x', '-', "'", ' \n ', '’', '-\n', '\u00ad');
/** A page: blocks (paragraphs of inline pieces) with text between them. */
const pageArb = (nodeJoin: fc.Arbitrary<string>, sep: fc.Arbitrary<string> = between) =>
  fc.array(fc.tuple(fc.array(fc.tuple(piece, nodeJoin), { minLength: 1, maxLength: 6 }), sep), { minLength: 1, maxLength: 10 });

const flat = (text: string) => findMatches(matcher, text).flatMap((m) => [m.start, m.end, m.terminal]);

function render(page: [[string, string][], string][]): void {
  document.body.replaceChildren();
  for (const [pieces, sep] of page) {
    const p = document.createElement('p');
    // Each piece is its own text node (inside a span), as inline markup splits a paragraph.
    for (const [text, join] of pieces) {
      const span = document.createElement('span');
      span.textContent = text;
      p.append(span);
      if (join) p.append(join);
    }
    document.body.append(p);
    if (sep) document.body.append(sep);
  }
}

async function snapshotOf(maxChars: number) {
  const snap = readSnapshot(document.body, maxChars)!;
  const { found, extra, evidence } = await localMatchSource(matcher).matchSnapshot(snap.segments.map((s) => s.parts));
  return { matches: new SnapshotMatches(snap.segments, found, extra), evidence, snap };
}

describe('text snapshot', () => {
  it("a block's matches read off the snapshot are exactly the block's own", async () => {
    let readOff = 0;
    let readOffWithMatches = 0;
    await fc.assert(
      fc.asyncProperty(pageArb(fc.constantFrom('', ' ')), fc.integer({ min: 8, max: 400 }), async (page, maxChars) => {
        render(page);
        const { matches } = await snapshotOf(maxChars);
        const walker = new TextWalker(document.body);
        for (let b = walker.next(); b; b = walker.next()) {
          const local = matches.forBlock(b.text, b.at);
          if (local === null) continue;
          readOff++;
          if (local.length) readOffWithMatches++;
          expect([...local]).toEqual(flat(b.text));
        }
      }),
      { numRuns: 400 },
    );
    // Most blocks are read off the snapshot, and many of those have matches: the test bites.
    expect(readOff).toBeGreaterThan(500);
    expect(readOffWithMatches).toBeGreaterThan(100);
  });

  it('a block whose text changed after the snapshot is never read off it', async () => {
    let changedSeen = 0;
    await fc.assert(
      fc.asyncProperty(
        pageArb(fc.constantFrom('', ' ')),
        fc.integer({ min: 8, max: 400 }),
        fc.array(fc.tuple(fc.nat(), piece), { minLength: 1, maxLength: 4 }),
        async (page, maxChars, edits) => {
          render(page);
          const { matches } = await snapshotOf(maxChars);
          // The page rewrites a few text nodes after the snapshot was read (same place, new words).
          const spans = [...document.querySelectorAll('span')];
          for (const [k, text] of edits) {
            const span = spans[k % spans.length]!;
            if (span.textContent !== text) changedSeen++;
            if (span.firstChild) (span.firstChild as Text).data = text;
            else span.append(text);
          }
          const walker = new TextWalker(document.body);
          for (let b = walker.next(); b; b = walker.next()) {
            const local = matches.forBlock(b.text, b.at);
            if (local !== null) expect([...local]).toEqual(flat(b.text));
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(changedSeen).toBeGreaterThan(300);
  });

  it('a snapshot without matches means no block has one', async () => {
    // Inline pieces are separated by white space here: a word split by markup right where a
    // block touches its neighbour's text is the one case the snapshot can miss (see the module).
    let empty = 0;
    // Half the pages are a few short blocks that touch (no text between them), as frameworks render lists.
    const touching = fc.array(
      fc.tuple(
        fc.tuple(piece, fc.constant('')).map((p) => [p]),
        fc.constant(''),
      ),
      { minLength: 2, maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(pageArb(fc.constant(' ')), touching), async (page) => {
        render(page);
        const { evidence } = await snapshotOf(100_000);
        if (evidence.matches !== 0) return;
        empty++;
        const walker = new TextWalker(document.body);
        for (let b = walker.next(); b; b = walker.next()) expect(flat(b.text)).toEqual([]);
      }),
      { numRuns: 600 },
    );
    expect(empty).toBeGreaterThan(20);
  });

  const kinds = fc.constantFrom('p', 'p', 'p', 'li', 'pre', 'hidden', 'br');
  const prose = fc.array(
    fc.tuple(
      fc.array(fc.tuple(piece, fc.constantFrom('', ' ')), { minLength: 1, maxLength: 6 }),
      fc.constantFrom(' ', '\n', '.', ' \n '),
      kinds,
    ),
    { minLength: 1, maxLength: 12 },
  );
  const touching = fc.array(
    fc.tuple(
      fc
        .array(fc.tuple(piece, fc.constant(' ')), { minLength: 1, maxLength: 3 })
        .map((ps) => ps.map(([t], i) => [t, i < ps.length - 1 ? ' ' : ''] as [string, string])),
      fc.constant(''),
      kinds,
    ),
    { minLength: 1, maxLength: 12 },
  );
  const isVisible = (el: Element) => !el.closest('[data-hidden]');
  function renderBlocks(page: [[string, string][], string, string][]) {
    document.body.replaceChildren();
    for (const [pieces, sep, kind] of page) {
      const el = document.createElement(kind === 'li' ? 'li' : kind === 'pre' ? 'pre' : 'p');
      if (kind === 'hidden') el.dataset.hidden = '';
      pieces.forEach(([text, join], i) => {
        if (kind === 'br' && i > 0) el.append(document.createElement('br'));
        const span = document.createElement(i % 2 ? 'em' : 'span');
        span.textContent = text;
        el.append(span);
        if (join) el.append(join);
      });
      document.body.append(el);
      if (sep) document.body.append(sep);
    }
  }

  it('a scan that steps over text the snapshot shows no match in finds what walking every block finds', async () => {
    const report = async (snapshots: boolean) => {
      const source = localMatchSource(matcher);
      const index = new TermIndex(source.ids, source.terms, 'all');
      await new PageScanner(source, index, () => {}, { snapshots, isVisible }).scan(document.body);
      return index.report();
    };
    let withTerms = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(prose, touching), async (page) => {
        renderBlocks(page);
        const expected = await report(false);
        if (expected.length) withTerms++;
        expect(await report(true)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    expect(withTerms).toBeGreaterThan(100);
  });

  async function scanned(countLater: boolean) {
    const source = localMatchSource(matcher);
    const index = new TermIndex(source.ids, source.terms, 'first');
    const scanner = new PageScanner(source, index, () => {}, { snapshots: countLater, countLater, isVisible });
    await scanner.scan(document.body);
    // Which occurrences are painted (the painter does not care in which order it gets them).
    const painted = index
      .paintSet()
      .map((m) => `${m.text}@${m.range.startOffset}:${m.nodes[0]!.data}`)
      .sort();
    const uncounted = scanner.hasUncounted;
    await scanner.countAll();
    return { painted, report: index.report(), uncounted, pending: scanner.hasUncounted };
  }

  it('painting first and counting later paints and, once asked, counts what walking every block does', async () => {
    let deferred = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(prose, touching), async (page) => {
        renderBlocks(page);
        const expected = await scanned(false);
        const lazy = await scanned(true);
        if (lazy.uncounted && expected.report.some((t) => t.count > 1)) deferred++;
        expect(lazy.painted).toEqual(expected.painted);
        expect(lazy.report).toEqual(expected.report);
        expect(lazy.pending).toBe(false);
      }),
      { numRuns: 300 },
    );
    // Many pages had occurrences left to count after painting: the test bites.
    expect(deferred).toBeGreaterThan(15);
  });

  it('paints the first shown occurrence when the first one is in skipped text and a later one turns up first', async () => {
    // Found by the property above: the snapshot's first "Goodhart" is inside <pre> (not read),
    // and the last block is walked for another reason (its words touch the block before), so
    // the entry turned up there before the occurrence in between was looked at.
    renderBlocks([
      [
        [
          ["Goodhart's", ' '],
          ['AI', ''],
        ],
        '',
        'pre',
      ],
      [[['!', '']], '', 'p'],
      [[["Goodhart's", '']], '', 'p'],
      [
        [
          ['', ' '],
          ['', ''],
        ],
        '',
        'p',
      ],
      [[['AI', '']], '', 'p'],
      [[['Goodhart', '']], '', 'p'],
      [[['', '']], '', 'p'],
    ]);
    const expected = await scanned(false);
    expect(expected.painted).toEqual(["Goodhart@0:Goodhart's"]);
    expect((await scanned(true)).painted).toEqual(expected.painted);
  });

  it('finds terms in list items that touch without white space, and leaves a long script out', async () => {
    document.body.innerHTML = '<ul><li>RLHF</li><li>ELK</li></ul>'; // fixture
    const glued = await snapshotOf(100_000);
    // "RLHFELK" matches nothing as one string; with node boundaries as spaces it does.
    expect(matchSnapshot(matcher, snapshotTexts([['RLHFELK']])).evidence.matches).toBe(0);
    expect(glued.evidence.ungated).toBe(2);
    expect(glued.matches.forBlock('RLHF', 0)).toBeNull();
    // A match both readings find counts once (the topic gate must not see double).
    expect(matchSnapshot(matcher, snapshotTexts([['machine learning and ', 'RLHF', ' and ', 'ELK']])).evidence).toEqual({
      matches: 3,
      ungated: 2,
      keywords: 1,
    });

    document.body.innerHTML = `<p>RLHF.</p><script>${'var inner_alignment = 1;'.repeat(200)}</script><p>Inner alignment.</p>`; // fixture
    const { snap, matches } = await snapshotOf(100_000);
    expect(snap.segments.map((s) => [s.at, s.parts.join('')])).toEqual([
      [0, 'RLHF.'],
      [5 + 24 * 200, 'Inner alignment.'],
    ]);
    expect(matches.forBlock('Inner alignment.', 5 + 24 * 200)).toEqual([0, 15, terminalOf(matcher.ids.indexOf('inner-alignment'), false)]);
  });
});
