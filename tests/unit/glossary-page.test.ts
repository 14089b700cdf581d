// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GlossaryPage } from '../../page/full/glossary-page';
import { compileMini, type MiniEntry, testTooltip } from './helpers';
import { localMatchSource } from '../../page/shared/local-match-source';
import { remoteMatchSource } from '../../page/shared/match-source';
import { PageScanner } from '../../page/full/page-scanner';
import { TermIndex } from '../../page/full/term-index';
import { matchTexts } from '../../matching/match-texts';
import { matchSnapshot, snapshotTexts } from '../../matching/match-snapshot';
import { PAGE_BASE } from '../../matching/page-entry';
import { terminalOf } from '../../matching/compiled';
import { typedSend, type Message } from '../../messaging/contract';

/** A stand-in background that answers the matching messages. */
const background = (answer: (message: Message<'match-texts' | 'match-snapshot'>) => Promise<unknown>) =>
  typedSend((m) => answer(m as Message<'match-texts' | 'match-snapshot'>));

const G: MiniEntry[] = [
  { id: 'inner-alignment', term: 'inner alignment' },
  { id: 'mesa-optimizer', term: 'mesa-optimizer' },
  { id: 'goal-misgeneralization', term: 'goal misgeneralization' },
  { id: 'rlhf', term: 'RLHF' },
  { id: 'debate', term: 'AI safety via debate', gatedAliases: ['debate'] },
  { id: 'sycophancy', term: 'sycophancy', ambiguity: 'high' },
];

let page: GlossaryPage | null = null;
afterEach(() => {
  page?.stop();
  page = null;
});

async function scan(html: string) {
  document.body.innerHTML = html; // test fixture only
  page = new GlossaryPage(document, { source: localMatchSource(compileMini(G)), loadEntry: async () => null, loadTooltip: testTooltip });
  await page.start();
  return page;
}

const terms = (p: GlossaryPage) => p.report().terms.map((t) => [t.id, t.count, t.forms.join('|')]);

describe('GlossaryPage', () => {
  it('reports terms in order of first appearance with counts and forms', async () => {
    const p = await scan(`
      <h1>On mesa-optimizers</h1>
      <p>Inner alignment asks whether a <em>mesa-optimizer</em> pursues the base objective.</p>
      <p>RLHF does not settle inner alignment. <code>RLHF</code> in code is ignored.</p>`);
    expect(terms(p)).toEqual([
      ['mesa-optimizer', 2, 'mesa-optimizers|mesa-optimizer'],
      ['inner-alignment', 2, 'Inner alignment|inner alignment'],
      ['rlhf', 1, 'RLHF'],
    ]);
    const r = p.report();
    expect(r.status).toBe('done');
    expect(r.scannedChars).toBeGreaterThan(100);
    expect(r.openTooltip).toBeNull();
  });

  it('known terms: the report says so, the badge leaves them out, and hidden ones are never stepped to', async () => {
    const counts: number[] = [];
    document.body.innerHTML = '<p>RLHF, inner alignment and a mesa-optimizer.</p>'; // test fixture only
    page = new GlossaryPage(document, {
      source: localMatchSource(compileMini(G)),
      loadEntry: async () => null,
      loadTooltip: testTooltip,
      knownTerms: ['rlhf'],
      onTermCount: (n) => counts.push(n),
    });
    await page.start();
    expect(page.report().terms.map((t) => [t.id, t.known])).toEqual([
      ['rlhf', true],
      ['inner-alignment', false],
      ['mesa-optimizer', false],
    ]);
    await vi.waitFor(() => expect(counts.at(-1)).toBe(2));
    // Faded, a known term is still stepped to; hidden, it is not.
    expect(new Set([page.step(), page.step(), page.step()])).toEqual(new Set(['rlhf', 'inner-alignment', 'mesa-optimizer']));
    page.setKnown(['rlhf'], 'hide');
    expect(new Set([page.step(), page.step(), page.step()])).toEqual(new Set(['inner-alignment', 'mesa-optimizer']));
    page.setKnown([], 'hide');
    expect(page.report().terms.every((t) => !t.known)).toBe(true);
    await vi.waitFor(() => expect(counts.at(-1)).toBe(3));
  });

  it('holds ambiguous forms back on a page that is not about AI', async () => {
    const p = await scan('<p>The school debate team met. Sycophancy at court was common.</p>');
    expect(terms(p)).toEqual([]);
  });

  it('shows ambiguous forms on a page that is about AI, in page order', async () => {
    const p = await scan(`
      <p>In the debate game, two copies argue. Sycophancy is a risk.</p>
      <p>Machine learning systems trained with RLHF may show goal misgeneralization and inner alignment failures.</p>`);
    expect(terms(p).map((t) => t[0])).toEqual(['debate', 'sycophancy', 'rlhf', 'goal-misgeneralization', 'inner-alignment']);
  });

  it('shows held-back forms once content added later makes the page about AI', async () => {
    const p = await scan('<p>The debate went on. Sycophancy at court.</p>');
    expect(terms(p)).toEqual([]);
    document.body.insertAdjacentHTML('beforeend', '<p>Inner alignment, RLHF and a mesa-optimizer.</p>');
    await waitFor(() => terms(p).length === 5, 3000);
    expect(
      terms(p)
        .map((t) => t[0])
        .sort(),
    ).toEqual(['debate', 'inner-alignment', 'mesa-optimizer', 'rlhf', 'sycophancy']);
  });

  it('never changes the page text or adds elements to the body', async () => {
    const html = '<p>Inner alignment and <b>goal</b> misgeneralization.</p><textarea>inner alignment</textarea>';
    const p = await scan(html);
    expect(p.report().terms).toHaveLength(2);
    expect(document.body.innerHTML).toBe(html);
  });

  it('scans content added later, and forgets content removed', async () => {
    const p = await scan('<main><p>Inner alignment.</p></main>');
    const feed = document.querySelector('main')!;
    const para = document.createElement('p');
    para.textContent = 'Then a mesa-optimizer appeared.';
    feed.append(para);
    await waitFor(() => p.report().terms.some((t) => t.id === 'mesa-optimizer'));
    para.remove();
    await waitFor(() => !p.report().terms.some((t) => t.id === 'mesa-optimizer'));
    expect(terms(p)).toEqual([['inner-alignment', 1, 'Inner alignment']]);
  });

  it('rescans a paragraph whose text changes', async () => {
    const p = await scan('<p id="x">Nothing here yet.</p>');
    document.getElementById('x')!.firstChild!.textContent = 'Now about goal misgeneralization.';
    await waitFor(() => p.report().terms.length === 1);
    expect(terms(p)).toEqual([['goal-misgeneralization', 1, 'goal misgeneralization']]);
  });

  it('paints first and counts later: the list is complete once asked for, also after the page changed', async () => {
    const filler = (n: number) => `<p>${'Plain words about nothing in particular. '.repeat(n)}</p>`;
    const html = `
      <p>Inner alignment first. RLHF too.</p>${filler(8)}
      <p>Inner alignment again, and RLHF again.</p>${filler(8)}
      <p id="later">A mesa-optimizer, more RLHF.</p>${filler(2)}<p>Last RLHF.</p>`;
    document.body.innerHTML = html; // test fixture only
    const source = localMatchSource(compileMini(G));
    const lazy = new GlossaryPage(document, { source, loadEntry: async () => null, loadTooltip: testTooltip, countLater: true });
    page = lazy;
    await lazy.start();
    // The page changes before anyone asks: a paragraph on top, another paragraph rewritten.
    // (Longer than a paragraph, so every offset read before is off by more than a block.)
    const top = document.createElement('p');
    top.textContent = 'RLHF on top. ' + 'Words that say nothing at all. '.repeat(20);
    document.body.prepend(top);
    // Rewritten to name only a term already painted: its rescan paints nothing new.
    document.getElementById('later')!.firstChild!.textContent = 'Now RLHF twice: RLHF.';
    await new Promise((r) => setTimeout(r, 200));
    // The first question starts the count; the answer is complete once it says done.
    expect(lazy.report().status).toBe('scanning');
    await waitFor(() => lazy.report().status === 'done');
    const counted = terms(lazy);
    // What a page that counts everything at once reports for the same document.
    const eager = new GlossaryPage(document, { source, loadEntry: async () => null, loadTooltip: testTooltip });
    await eager.start();
    expect(counted).toEqual(terms(eager).map(([id, count, forms]) => [id, count, forms]));
    expect(counted).toEqual(
      expect.arrayContaining([
        ['rlhf', 6, 'RLHF'],
        ['inner-alignment', 2, 'Inner alignment'],
      ]),
    );
    eager.stop();
  });

  it('counting after a feed grew reads again only what the growth moved', async () => {
    document.body.innerHTML = '<main><p>RLHF and inner alignment. RLHF.</p></main>'; // test fixture only
    const local = localMatchSource(compileMini(G));
    const source = { ...local, ids: local.ids, terms: local.terms, matchSnapshot: vi.fn(local.matchSnapshot) };
    const p = new GlossaryPage(document, { source, loadEntry: async () => null, loadTooltip: testTooltip, countLater: true });
    page = p;
    await p.start();
    const feed = document.querySelector('main')!;
    for (let i = 0; i < 3; i++) {
      const para = document.createElement('p');
      para.textContent = `Item ${i}: RLHF, then RLHF again.`;
      feed.append(para);
      await waitFor(() => source.matchSnapshot.mock.calls.length === 2 + i);
    }
    p.report();
    await waitFor(() => p.report().status === 'done');
    expect(terms(p)).toEqual([
      ['rlhf', 8, 'RLHF'],
      ['inner-alignment', 1, 'inner alignment'],
    ]);
    // The body (its text moved) is read once more; the new paragraphs, whose own text did not move, are not.
    expect(source.matchSnapshot).toHaveBeenCalledTimes(1 + 3 + 1);
  });

  it('reports disabled and no terms after stop', async () => {
    const p = await scan('<p>Inner alignment.</p>');
    p.stop();
    expect(p.report()).toMatchObject({ status: 'disabled', terms: [] });
  });
});

async function waitFor(cond: () => boolean, ms = 3000) {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('PageScanner', () => {
  it('counting many small roots pauses for the page between them', async () => {
    document.body.innerHTML = Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i}: RLHF and RLHF.</p>`).join(''); // test fixture only
    const source = localMatchSource(compileMini(G));
    const index = new TermIndex(source.ids, source.terms, 'first');
    let t = 0;
    const scanner = new PageScanner(source, index, () => {}, { countLater: true, now: () => (t += 1) });
    for (const p of document.querySelectorAll('p')) await scanner.scan(p);
    expect(index.report()[0]!.count).toBe(2);
    let pageRan = false;
    setTimeout(() => (pageRan = true), 0);
    const done = scanner.countAll().then(() => pageRan);
    // The page's own task got its turn before the count was done.
    expect(await done).toBe(true);
    expect(index.report()[0]!.count).toBe(120);
  });

  it('does not report terms in blocks that are not rendered, and checks only blocks with a match', async () => {
    const { PageScanner } = await import('../../page/full/page-scanner');
    const { TermIndex } = await import('../../page/full/term-index');
    const matcher = compileMini(G);
    // fixture
    document.body.innerHTML =
      '<p id="a">Inner alignment.</p><div id="menu">A mesa-optimizer.</div><p id="plain">Nothing here.</p><p id="c">RLHF.</p>';
    const index = new TermIndex(matcher.ids, matcher.terms);
    const asked: string[] = [];
    const scanner = new PageScanner(localMatchSource(matcher), index, () => {}, {
      isVisible: (el) => (asked.push(el.id), el.id !== 'menu'),
    });
    await scanner.scan(document.body);
    expect(index.report().map((t) => t.id)).toEqual(['inner-alignment', 'rlhf']);
    expect(asked).toEqual(['a', 'menu', 'c']);
  });

  it('never leaves a root queued when scan() is called just as a run finishes', async () => {
    const { PageScanner } = await import('../../page/full/page-scanner');
    const { TermIndex } = await import('../../page/full/term-index');
    const matcher = compileMini(G);
    document.body.innerHTML = '<p id="a">Inner alignment.</p><p id="b">A mesa-optimizer.</p>'; // fixture
    const index = new TermIndex(matcher.ids, matcher.terms);
    let queued = false;
    const scanner: InstanceType<typeof PageScanner> = new PageScanner(localMatchSource(matcher), index, () => {
      // The last update of the first run queues a microtask that asks for another scan: it runs
      // after the run's loop has exited but before its promise settles.
      if (!queued) {
        queued = true;
        void Promise.resolve().then(() => scanner.scan(document.getElementById('b')!));
      }
    });
    await scanner.scan(document.getElementById('a')!);
    await waitFor(() => scanner.status === 'done' && index.report().length === 2, 2000);
    expect(index.report().map((t) => t.id)).toEqual(['inner-alignment', 'mesa-optimizer']);
  });

  it('with matches from the background: names arrive with them, and text changed meanwhile is left unpainted', async () => {
    const matcher = compileMini(G);
    // Paragraph b's last word touches the next paragraph's text: b is matched on its own (the
    // last paragraph holds no match in either reading of the snapshot and is not looked at).
    document.body.innerHTML = '<p id="a">Inner alignment.</p><p id="b">A mesa-optimizer</p><p>x</p>'; // fixture
    const sent: unknown[] = [];
    // The "background" answers after the page has rewritten paragraph b.
    const source = remoteMatchSource(
      background(async (message) => {
        sent.push(JSON.parse(JSON.stringify(message)));
        if (message.type === 'match-snapshot') return JSON.parse(JSON.stringify(matchSnapshot(matcher, message)));
        document.getElementById('b')!.firstChild!.textContent = 'A mesa-optimizer!';
        return JSON.parse(JSON.stringify(matchTexts(matcher, message.texts)));
      }),
    );
    const index = new TermIndex(source.ids, source.terms);
    const scanner = new PageScanner(source, index, () => {});
    await scanner.scan(document.body);
    expect(sent).toEqual([
      { type: 'match-snapshot', ...snapshotTexts([['Inner alignment.', 'A mesa-optimizer', 'x']], [[]]), defs: [], nextPage: PAGE_BASE },
      { type: 'match-texts', texts: ['A mesa-optimizer'], defs: [], nextPage: PAGE_BASE },
    ]);
    expect(index.report().map((t) => [t.id, t.term])).toEqual([['inner-alignment', 'inner alignment']]);
    expect(scanner.status).toBe('done');
  });

  it('sends a page its text once: blocks that stand apart take their matches from the snapshot', async () => {
    const matcher = compileMini(G);
    const sent: string[] = [];
    const source = remoteMatchSource(
      background(async (message) => {
        sent.push(message.type);
        return message.type === 'match-snapshot' ? matchSnapshot(matcher, message) : matchTexts(matcher, message.texts);
      }),
    );
    const run = async (html: string) => {
      document.body.innerHTML = html; // fixture
      sent.length = 0;
      const index = new TermIndex(source.ids, source.terms);
      await new PageScanner(source, index, () => {}).scan(document.body);
      return index.report().map((t) => [t.id, t.count]);
    };
    // Prose: every paragraph ends in punctuation or white space, so one message is all it takes.
    expect(await run('<h1>Notes </h1><p>Inner alignment and <em>RLHF</em>.</p>\n<p>A mesa-optimizer, again: inner alignment.</p>')).toEqual(
      [
        ['inner-alignment', 2],
        ['rlhf', 1],
        ['mesa-optimizer', 1],
      ],
    );
    expect(sent).toEqual(['match-snapshot']);
    // No term at all: nothing is walked, nothing more is sent.
    expect(await run('<p>Flexbox aligns items along the main axis.</p><ul><li>start</li><li>end</li></ul>')).toEqual([]);
    expect(sent).toEqual(['match-snapshot']);
    // List items with no white space between them glue into "RLHFinner alignment" in the joined
    // text; the items are still found, each matched on its own.
    expect(await run('<ul><li>RLHF</li><li>inner alignment</li></ul>')).toEqual([
      ['rlhf', 1],
      ['inner-alignment', 1],
    ]);
    expect(sent).toEqual(['match-snapshot', 'match-texts']);
  });

  it('sends a big page one segment per message, and finds the terms of every segment', async () => {
    const matcher = compileMini(G);
    const sent: number[] = [];
    const source = remoteMatchSource(
      background(async (message) => {
        if (message.type === 'match-snapshot') sent.push(message.texts.length);
        return message.type === 'match-snapshot' ? matchSnapshot(matcher, message) : matchTexts(matcher, message.texts);
      }),
    );
    const filler = 'plain words here. '.repeat(7_000);
    document.body.innerHTML = `<p>Inner alignment. ${filler}</p><p>${filler} A mesa-optimizer.</p><p>${filler} Inner alignment again.</p>`; // fixture
    const index = new TermIndex(source.ids, source.terms);
    await new PageScanner(source, index, () => {}).scan(document.body);
    // Three paragraphs of about 126,000 characters: three segments, three messages of one each.
    expect(sent).toEqual([1, 1, 1]);
    expect(index.report().map((t) => [t.id, t.count])).toEqual([
      ['inner-alignment', 2],
      ['mesa-optimizer', 1],
    ]);
  });

  it('a background that cannot answer leaves the page as it was, with one console note', async () => {
    const { PageScanner } = await import('../../page/full/page-scanner');
    const { TermIndex } = await import('../../page/full/term-index');
    const { remoteMatchSource } = await import('../../page/shared/match-source');
    document.body.innerHTML = '<p>Inner alignment.</p>'; // fixture
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const answer of [
      () => Promise.reject(new Error('Extension context invalidated.')),
      () => Promise.resolve(undefined),
      () => Promise.resolve({ matches: 'x' }),
    ]) {
      const source = remoteMatchSource(typedSend(answer));
      const index = new TermIndex(source.ids, source.terms);
      const scanner = new PageScanner(source, index, () => {});
      await scanner.scan(document.body);
      expect(scanner.status).toBe('done');
      expect(scanner.failed).toBe(true);
      expect(index.report()).toEqual([]);
    }
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });
});

describe('matchTexts (the background side)', () => {
  it('answers per block, with offsets inside each block, and names only the entries found', async () => {
    const { matchTexts } = await import('../../matching/match-texts');
    const { KEYWORD } = await import('../../matching/compiled');
    const matcher = compileMini(G);
    const reply = matchTexts(matcher, ['Nothing.', 'We study inner alignment and RLHF.', 'machine learning']);
    const inner = matcher.ids.indexOf('inner-alignment');
    const rlhf = matcher.ids.indexOf('rlhf');
    expect(reply.matches).toEqual([1, 9, 24, terminalOf(inner, false), 1, 29, 33, terminalOf(rlhf, false), 2, 0, 16, KEYWORD]);
    expect(reply.names).toEqual({ [inner]: ['inner-alignment', 'inner alignment'], [rlhf]: ['rlhf', 'RLHF'] });
  });
});
