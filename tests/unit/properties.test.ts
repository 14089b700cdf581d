/**
 * Property-based tests (fast-check): for random text and random DOM trees, the matcher and the
 * walker keep their promises whatever the input.
 */
// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMatches } from '../../matching/find-matches';
import { formVariants } from '../../matching/variants';
import { AI_KEYWORDS, AI_KEYWORDS_CASED } from '../../matching/compile';
import { continuesAfterBreak, readingOf } from '../../matching/char-rules';
import { GlossaryPage } from '../../page/full/glossary-page';
import { TextWalker } from '../../page/shared/text-walker';
import { compileMini, type MiniEntry, testTooltip } from './helpers';
import { localMatchSource } from '../../page/shared/local-match-source';

const G: MiniEntry[] = [
  { id: 'inner-alignment', term: 'inner alignment' },
  { id: 'mesa-optimizer', term: 'mesa-optimizer' },
  { id: 'reward-model', term: 'reward model' },
  { id: 'rrm', term: 'recursive reward modeling' },
  { id: 'elk', term: 'eliciting latent knowledge', aliases: ['ELK'] },
  { id: 'goodhart', term: "Goodhart's law" },
  { id: 'rlhf', term: 'RLHF' },
  { id: 'p-doom', term: 'p(doom)' },
  { id: 'goal-misgeneralization', term: 'goal misgeneralization' },
];
const matcher = compileMini(G);
// Entry forms, plus the AI keywords the topic gate counts (the matcher reports those too).
const allForms = new Set(
  [...G.flatMap((e) => [e.term, ...(e.aliases ?? [])]), ...AI_KEYWORDS, ...AI_KEYWORDS_CASED]
    .flatMap(formVariants)
    .map((v) => v.toLowerCase()),
);

const words = [
  '\u00ad',
  '‐',
  '−',
  '-\n',
  '- \n ',
  '(',
  ')',
  'p(doom)',
  'P(doom)',
  'mis',
  'generalization',
  'AI',
  'AIs',
  'LLMs',
  'machine learning',
  'inner',
  'alignment',
  'mesa',
  'optimizer',
  'mesa-optimizer',
  'reward',
  'model',
  'models',
  'recursive',
  'modeling',
  'ELK',
  'elk',
  'Elk',
  'RLHF',
  "Goodhart's",
  'law',
  'based',
  '-based',
  '-Driven',
  'the',
  'a',
  'of',
  'x',
  '—',
  '-',
  "'",
  '’',
  '.',
  ',',
  '\n',
  ' ',
  '  ',
  'İ',
  'ß',
  '中文',
];
const textArb = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 4 })), { maxLength: 40 }), fc.constantFrom(' ', '', '\n'))
  .map(([ws, sep]) => ws.join(sep));
const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);

describe('matcher properties', () => {
  it('every match is a real glossary form on word boundaries, and matches never overlap', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const ms = findMatches(matcher, text);
        let last = -1;
        for (const m of ms) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          last = m.end;
          const surface = readingOf(text.slice(m.start, m.end));
          // A form, optionally with its possessive cut off before the boundary.
          expect(allForms.has(surface.toLowerCase()) || allForms.has(surface)).toBe(true);
          const before = text[m.start - 1];
          const after = text.slice(m.end, m.end + 2);
          expect(isWord(before) || (before !== undefined && /['’\u00ad-]/.test(before) && isWord(text[m.start - 2]))).toBe(false);
          // After the match: not a word character, and not a joiner that continues the word, except
          // a possessive 's or a compound tail ("-based") ending the word.
          const tail = /^-(?:based|driven)(?![\p{L}\p{N}\p{M}'’-])/iu.test(text.slice(m.end, m.end + 8));
          const continues =
            isWord(after[0]) ||
            (/['’-]/.test(after[0] ?? '') && isWord(after[1]) && !/^['’][sS]/.test(after) && !tail) ||
            (isWord(text[m.end - 1]) && continuesAfterBreak(text, m.end, text.length) >= 0);
          expect(continues).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(findMatches(matcher, text)).toEqual(findMatches(matcher, text));
      }),
      { numRuns: 200 },
    );
  });
});

// Random DOM trees of paragraphs, inline wrappers and skip zones.
type Node = { tag: string; children: (Node | string)[] };
const leaf = fc.oneof(textArb, fc.constantFrom('inner alignment', 'a mesa-optimizer', 'RLHF'));
const tree: fc.Arbitrary<Node | string> = fc.letrec((tie) => ({
  node: fc.record({
    tag: fc.constantFrom('p', 'div', 'em', 'b', 'a', 'span', 'li', 'code', 'pre', 'textarea', 'script', 'h2', 'sup', 'cite'),
    children: fc.array(tie('child'), { maxLength: 4 }),
  }),
  child: fc.oneof({ depthSize: 'small' }, leaf, tie('node')),
})).child as fc.Arbitrary<Node | string>;

function build(doc: Document, n: Node | string): globalThis.Node {
  if (typeof n === 'string') return doc.createTextNode(n);
  const el = doc.createElement(n.tag);
  for (const c of n.children) el.append(build(doc, c));
  return el;
}

const SKIP = new Set(['CODE', 'PRE', 'TEXTAREA', 'SCRIPT', 'SUP']);

describe('walker and page properties', () => {
  it('never changes the page, never matches inside skip zones, and scanning twice reports the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { maxLength: 6 }), async (roots) => {
        document.body.replaceChildren(...roots.map((r) => build(document, r)));
        const before = document.body.innerHTML;
        const reports = [];
        for (let i = 0; i < 2; i++) {
          const page = new GlossaryPage(document, {
            source: localMatchSource(matcher),
            loadEntry: async () => null,
            loadTooltip: testTooltip,
          });
          await page.start();
          reports.push(page.report().terms);
          page.stop();
        }
        expect(document.body.innerHTML).toBe(before);
        expect(reports[1]).toEqual(reports[0]);
        // Nothing the walker yields lies in a skip zone.
        const w = new TextWalker(document.body, { isVisible: () => true });
        for (let b = w.next(); b; b = w.next()) {
          for (const n of b.nodes) {
            for (let p = n.parentElement; p && p !== document.body; p = p.parentElement) expect(SKIP.has(p.tagName)).toBe(false);
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});
