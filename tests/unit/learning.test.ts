/**
 * Learning over time, the parts without a browser: the look-up history (one row per term, count,
 * last date, addresses only when asked, limits, repair of a bad stored value) and the study
 * exports (CSV, Anki notes, reading prep), whose rows must survive any entry text.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearHistory,
  loadHistory,
  MAX_HISTORY_ROWS,
  recordLookup,
  sanitizeHistory,
  sortedHistory,
  withLookup,
  type HistoryRow,
} from '../../learning/history-store';
import { ankiNotes, entriesCsv, readingPrep } from '../../learning/study-exports';
import type { DisplayEntry } from '../../glossary/display-types';
import { applyCopy, packSync, SYNC_ITEM_BYTES, SYNC_PREFIX, SYNC_TOTAL_BYTES, unpackSync } from '../../learning/sync';

beforeEach(() => {
  fakeBrowser.reset();
});

const entry = (id: string, term: string, extra: Partial<DisplayEntry> = {}): DisplayEntry => ({
  id,
  term,
  aliases: [],
  gatedAliases: [],
  category: 'failure-modes',
  gist: `The gist of ${term}.`,
  definition: `The definition of ${term}.`,
  related: [],
  contrasts: [],
  sources: [
    {
      authors: ['Dario Amodei', 'Chris Olah', 'Jacob Steinhardt'],
      title: 'Concrete Problems in AI Safety',
      year: 2016,
      url: 'https://arxiv.org/abs/1606.06565',
    },
  ],
  reviewed: '2026-12',
  ...extra,
});

/** A minimal RFC 4180 reader, to check that the rows come back as written. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('look-up history', () => {
  it('keeps one row per term with its count and last date; addresses only when given', async () => {
    await recordLookup({ id: 'rlhf', term: 'RLHF' }, 1000);
    await recordLookup({ id: 'reward-hacking', term: 'reward hacking', page: 'https://a.org/1' }, 2000);
    await recordLookup({ id: 'rlhf', term: 'RLHF' }, 3000);
    expect(await loadHistory()).toEqual([
      { id: 'rlhf', term: 'RLHF', count: 2, last: 3000 },
      { id: 'reward-hacking', term: 'reward hacking', count: 1, last: 2000, pages: ['https://a.org/1'] },
    ]);
    await clearHistory();
    expect(await loadHistory()).toEqual([]);
  });

  it('look-ups started together are all counted', async () => {
    await Promise.all([1, 2, 3, 4].map((n) => recordLookup({ id: 'rlhf', term: 'RLHF' }, n)));
    expect((await loadHistory())[0]!.count).toBe(4);
  });

  it('sorts by most recent or by count', () => {
    const rows: HistoryRow[] = [
      { id: 'a', term: 'a', count: 1, last: 30 },
      { id: 'b', term: 'b', count: 5, last: 10 },
      { id: 'c', term: 'c', count: 5, last: 20 },
    ];
    expect(sortedHistory(rows, 'recent').map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(sortedHistory(rows, 'count').map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });

  it('at its limit, a new term is refused and the history is left as it was', () => {
    const full = Array.from({ length: MAX_HISTORY_ROWS }, (_, i) => ({ id: `t${i}`, term: `t${i}`, count: 1, last: i }));
    expect(withLookup(full, { id: 'new-term', term: 'new' }, 1)).toBe('full');
    expect((withLookup(full, { id: 't5', term: 't5' }, 99) as HistoryRow[])[5]).toEqual({ id: 't5', term: 't5', count: 2, last: 99 });
  });

  it('a corrupted stored value keeps its good rows', () => {
    expect(
      sanitizeHistory({
        rows: [
          { id: 'rlhf', term: 'RLHF', count: 2, last: 5 },
          { id: 'Bad Id', term: 'x', count: 1, last: 1 },
          'junk',
          { id: 'b', term: 'b', count: 0, last: 1 },
        ],
      }),
    ).toEqual([{ id: 'rlhf', term: 'RLHF', count: 2, last: 5 }]);
    expect(sanitizeHistory('nonsense')).toEqual([]);
  });
});

describe('study exports', () => {
  const tricky = entry('goodharts-law', "Goodhart's law", {
    gist: 'A measure, once "targeted", stops\nmeasuring; see <b>this</b>,\tplease.',
  });

  it('CSV: a header, then one row per entry, whatever its text holds', () => {
    const rows = readCsv(
      entriesCsv(
        [
          { entry: tricky, count: 3, last: Date.UTC(2026, 11, 6) },
          { entry: entry('rlhf', 'RLHF'), count: 1 },
        ],
        'looked up',
      ),
    );
    expect(rows[0]).toEqual(['term', 'id', 'category', 'gist', 'definition', 'source', 'looked up', 'last looked up']);
    expect(rows[1]).toEqual([
      "Goodhart's law",
      'goodharts-law',
      'failure-modes',
      tricky.gist,
      tricky.definition,
      'Amodei et al. (2016). Concrete Problems in AI Safety. https://arxiv.org/abs/1606.06565',
      '3',
      '2026-12-06',
    ]);
    expect(rows[2]![0]).toBe('RLHF');
    expect(rows).toHaveLength(3);
  });

  it('Anki: headers, then front, back and tag per line; entry text cannot add a field, a line or markup', () => {
    const lines = ankiNotes([tricky]).trimEnd().split('\n');
    expect(lines.slice(0, 5)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#columns:Front\tBack\tTags', '#tags column:3']);
    expect(lines).toHaveLength(6);
    const [front, back, tag] = lines[5]!.split('\t');
    expect(front).toBe("Goodhart's law");
    expect(back).toContain('<b>A measure, once &quot;targeted&quot;, stops<br>measuring; see &lt;b&gt;this&lt;/b&gt;, please.</b>');
    expect(back).toContain('The definition of Goodhart');
    expect(back).toContain('Source: Amodei et al. (2016). Concrete Problems in AI Safety.');
    expect(tag).toBe('alignment-glossary');
  });

  it('reading prep: the terms not yet known, in page order, and the page’s own terms', () => {
    const md = readingPrep(
      { title: 'A paper', url: 'https://a.org/p' },
      [entry('rlhf', 'RLHF'), tricky],
      ['Critique-Conditioned Fine-Tuning (CCFT)'],
    );
    expect(md).toMatch(/^# Reading prep: A paper\n\n<https:\/\/a.org\/p>\n\n2 terms on this page you have not marked as known/);
    expect(md.indexOf('## RLHF')).toBeLessThan(md.indexOf("## Goodhart's law"));
    expect(md).toContain('Source: [Concrete Problems in AI Safety](https://arxiv.org/abs/1606.06565), Amodei et al. (2016)');
    expect(md).toContain('## Defined by the page itself\n\n- Critique-Conditioned Fine-Tuning (CCFT)');
    expect(md).toContain('see \\<b\\>this\\</b\\>');
  });
});

describe('sync of what was learned', () => {
  const term = (i: number) => ({ term: `my term ${i}`, definition: `A definition that takes some room, number ${i}. `.repeat(8) });
  const learned = {
    knownTerms: ['rlhf', 'mesa-optimizer'],
    userTerms: Array.from({ length: 400 }, (_, i) => term(i)),
    notes: { rlhf: 'Compare with DPO.' },
  };

  it('packs into items under the per-item quota, as much as fits the total, and says what did not fit', () => {
    const { items, copy } = packSync(learned, 'dev-a', 1000);
    for (const [k, v] of Object.entries(items))
      expect(new TextEncoder().encode(k + JSON.stringify(v)).length).toBeLessThanOrEqual(SYNC_ITEM_BYTES);
    const total = Object.entries(items).reduce((n, [k, v]) => n + new TextEncoder().encode(k + JSON.stringify(v)).length, 0);
    expect(total).toBeLessThanOrEqual(SYNC_TOTAL_BYTES);
    expect(copy.knownTerms).toEqual(['rlhf', 'mesa-optimizer']);
    expect(copy.notes).toEqual({ rlhf: 'Compare with DPO.' });
    expect(copy.userTerms.length + copy.left.userTerms).toBe(400);
    expect(copy.left.userTerms).toBeGreaterThan(0);
    expect(unpackSync(items)).toEqual(copy);
    // A missing piece makes the copy unreadable rather than wrong.
    const { [`${SYNC_PREFIX}0`]: _gone, ...broken } = items;
    expect(unpackSync(broken)).toBeNull();
  });

  it('a copy from elsewhere replaces what is here, except what a partial copy left out; turning sync on joins both', () => {
    const here = { knownTerms: ['rlhf'], userTerms: [{ term: 'local only', definition: 'x' }], notes: { rlhf: 'mine' } };
    const full = {
      knownTerms: ['corrigibility'],
      userTerms: [{ term: 'remote', definition: 'y' }],
      notes: {},
      device: 'b',
      updated: 2,
      left: { userTerms: 0, notes: 0 },
    };
    expect(applyCopy(here, full)).toEqual({ knownTerms: ['corrigibility'], userTerms: [{ term: 'remote', definition: 'y' }], notes: {} });
    expect(applyCopy(here, { ...full, left: { userTerms: 3, notes: 0 } }).userTerms.map((t) => t.term)).toEqual(['remote', 'local only']);
    expect(applyCopy(here, full, true)).toEqual({
      knownTerms: ['rlhf', 'corrigibility'],
      userTerms: [
        { term: 'remote', definition: 'y' },
        { term: 'local only', definition: 'x' },
      ],
      notes: { rlhf: 'mine' },
    });
  });
});
