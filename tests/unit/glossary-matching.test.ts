/**
 * The real glossary on real-sounding text: inflected and derived forms are found on AI pages,
 * and pages about other kinds of alignment, rewards or agents get no highlights at all.
 */
// @vitest-environment happy-dom
import { testTooltip } from './helpers';
import { describe, expect, it } from 'vitest';
import { glossaryDir, loadGlossary } from '../../glossary/load';
import { compileMatcher } from '../../matching/compile';
import { GlossaryPage } from '../../page/full/glossary-page';
import { localMatchSource } from '../../page/shared/local-match-source';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const matcher = compileMatcher(loadGlossary(glossaryDir()).entries);

async function termsOn(html: string): Promise<string[]> {
  document.body.innerHTML = html; // test fixture only
  const page = new GlossaryPage(document, { source: localMatchSource(matcher), loadEntry: async () => null, loadTooltip: testTooltip });
  await page.start();
  const ids = page.report().terms.map((t) => t.id);
  page.stop();
  return ids;
}

const AI_CONTEXT =
  '<p>Large language models trained with reinforcement learning raise questions for AI alignment and AI safety research.</p>';

describe('inflected and derived forms on AI pages', () => {
  it.each([
    ['The model may be inner-aligned but not outer-aligned.', ['inner-alignment', 'outer-alignment']],
    ['Several mesa-optimizers could emerge.', ['mesa-optimizer']],
    ['A policy that misgeneralises its goal.', ['goal-misgeneralization']],
    ['We want a corrigible assistant.', ['corrigibility']],
    ['Power-seeking behaviour is a worry.', ['power-seeking']],
    ['Resource acquisition is instrumentally convergent.', ['instrumental-convergence']],
    ['Goodhart’s law bites when metrics become targets.', ['goodharts-law']],
    ['A model that seeks power, or keeps seeking power, worries us.', ['power-seeking']],
    ['The policy was over-optimized against the reward model.', ['reward-model-overoptimization']],
    [
      'It is deceptively aligned and only corrigibly helpful; its estimate of p(doom) is P(doom).',
      ['deceptive-alignment', 'corrigibility', 'p-doom'],
    ],
    [
      'Goodhart′s law, a mesa−optimizer, inter\u00adpretability and goal mis-\ngeneralization.',
      ['goodharts-law', 'mesa-optimizer', 'interpretability', 'goal-misgeneralization'],
    ],
  ])('%s', async (sentence, ids) => {
    const found = await termsOn(`${AI_CONTEXT}<p>${sentence}</p>`);
    for (const id of ids) expect(found).toContain(id);
  });
});

describe('pages about other things get no highlights', () => {
  it.each([
    [
      'wheel alignment',
      `<h1>Why wheel alignment matters</h1><p>Proper wheel alignment keeps tyres wearing evenly. If your car pulls to one side,
      the camber, caster and toe angles may be out of alignment. Our technicians use a laser alignment system and a
      four-wheel alignment check. Misalignment after hitting a pothole is common; an alignment service takes an hour.
      Ask your agent about our safety inspection and the control arm bushings. The steering wheel should be centred.</p>`,
    ],
    [
      'loyalty rewards',
      `<h1>Our loyalty rewards programme</h1><p>Earn reward points on every purchase and redeem rewards at checkout. Members
      get a reward for each referral; the reward model is simple: one point per pound. Hacking your account is against our
      terms. Gaming the system by returning items voids rewards. Our policy on expired points and the objective of the
      programme are explained below, with a tiered model and incentive structure.</p>`,
    ],
    [
      'travel agents',
      `<h1>Find a travel agent</h1><p>Our agents plan honeymoons, safaris and cruises. A good agent has agency over your
      itinerary and will debate options with you. The agent model works on commission; booking agents and real estate
      agents differ. Amplification of deals through our network, oversight of bookings, and control over payments are
      included. Travel insurance covers catastrophic risk such as cancellation; alignment of schedules is our job.</p>`,
    ],
    [
      'sequence alignment',
      `<h1>Pairwise sequence alignment</h1><p>A global alignment scores matches and gaps. The aligner uses a substitution
      matrix; the target and query sequences are aligned with an affine gap penalty. Local alignment finds the best
      scoring region, and the optimization is done by dynamic programming. The objective function rewards matches.</p>`,
    ],
  ])('%s', async (_name, html) => {
    expect(await termsOn(html)).toEqual([]);
  });
});

describe('the reading fixtures that are not about AI get no highlights', () => {
  const dir = resolve('tests/fixtures/reading');
  it.each(readdirSync(dir).filter((f) => f.startsWith('offtopic-') && f.endsWith('.html')))('%s', async (file) => {
    const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(readFileSync(resolve(dir, file), 'utf8'))![1]!;
    expect(await termsOn(body)).toEqual([]);
  });

  it('a mayor who seeks power is no power-seeking AI', async () => {
    expect(
      await termsOn('<p>The mayor seeks power; seeking power is what mayors do, and the coalition faces existential risk.</p>'),
    ).toEqual([]);
  });
});
