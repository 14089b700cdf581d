// The benchmark's ground truth must itself be right: scanning the generated page finds exactly
// the planted counts.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { GlossaryPage } from '../../page/full/glossary-page';
import { generatePage } from '../../bench/generate-page';
import { compileMini, testTooltip } from './helpers';
import { localMatchSource } from '../../page/shared/local-match-source';

const matcher = compileMini([
  { id: 'inner-alignment', term: 'inner alignment' },
  { id: 'mesa-optimizer', term: 'mesa-optimizer' },
  { id: 'rlhf', term: 'RLHF' },
]);

describe('generatePage', () => {
  it('is deterministic for a seed', () => {
    const spec = { words: 2000, seed: 7, plant: [{ id: 'rlhf', form: 'RLHF', count: 3 }] };
    expect(generatePage(matcher, spec).html).toBe(generatePage(matcher, spec).html);
  });

  it('plants exactly the counts it reports', async () => {
    const g = generatePage(matcher, {
      words: 5000,
      seed: 42,
      plant: [
        // Dense enough that random slots would land inside a two-word term without spacing.
        { id: 'inner-alignment', form: 'inner alignment', count: 170 },
        { id: 'mesa-optimizer', form: 'mesa-optimizer', count: 90 },
        { id: 'rlhf', form: 'RLHF', count: 40 },
      ],
    });
    expect(g.words).toBeGreaterThanOrEqual(5000);
    document.documentElement.innerHTML = new DOMParser().parseFromString(g.html, 'text/html').documentElement.innerHTML; // fixture
    const page = new GlossaryPage(document, { source: localMatchSource(matcher), loadEntry: async () => null, loadTooltip: testTooltip });
    await page.start();
    const counts = Object.fromEntries(page.report().terms.map((t) => [t.id, t.count]));
    expect(counts).toEqual(Object.fromEntries(g.truth));
    page.stop();
  });
});
