// @vitest-environment happy-dom
/**
 * Bad input for the reading rules, on the real glossary: pages of footnote marks, line after line
 * ending in a hyphen, one glyph per span, one giant <pre>. No crash, no false match.
 */
import { describe, expect, it } from 'vitest';
import { glossaryDir, loadGlossary } from '../../glossary/load';
import { compileMatcher } from '../../matching/compile';
import { findMatches } from '../../matching/find-matches';
import { GlossaryPage } from '../../page/full/glossary-page';
import { localMatchSource } from '../../page/shared/local-match-source';
import { testTooltip } from './helpers';

const matcher = compileMatcher(loadGlossary(glossaryDir()).entries);

async function report(html: string) {
  document.body.innerHTML = html; // test fixture only
  const page = new GlossaryPage(document, { source: localMatchSource(matcher), loadEntry: async () => null, loadTooltip: testTooltip });
  await page.start();
  const r = page.report();
  page.stop();
  return r;
}

const words = ['river', 'stone', 'window', 'garden', 'letter', 'morning', 'basket', 'yellow'];

describe('reading rules on bad input', () => {
  it('a page of footnote marks without terms finds nothing', async () => {
    const html = Array.from({ length: 400 }, (_, i) => `${words[i % 8]}<sup>${i}</sup><a href="#f${i}">[${i}]</a><sub>${i}</sub>`).join(
      ' ',
    );
    const r = await report(`<p>${html}</p>`);
    expect(r.status).toBe('done');
    expect(r.terms).toEqual([]);
  });

  it('every line ending in a hyphen joins only what a reader would join', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `${words[i % 8]}-\n`).join('');
    expect(findMatches(matcher, text)).toEqual([]);
    // The same, with a term's halves among them: found once, whole.
    const withTerm = `${text}end.\nreward hack-\ning ${text}`;
    const ms = findMatches(matcher, withTerm);
    expect(ms.map((m) => withTerm.slice(m.start, m.end))).toEqual(['reward hack-\ning']);
  });

  it('a text layer with one glyph per span still reads its words', async () => {
    const glyphs = (s: string) => [...s].map((c) => `<span>${c}</span>`).join('');
    const r = await report(
      `<div class="textLayer">${glyphs('In practice reward hacking and ')}<span class="eol">\n</span>${glyphs('inner ali-')}<span class="eol">\n</span>${glyphs('gnment matter.')}</div>`,
    );
    expect(r.terms.map((t) => [t.id, t.forms])).toEqual([
      ['reward-hacking', ['reward hacking']],
      ['inner-alignment', ['inner alignment']],
    ]);
  });

  it('one giant <pre> is code: nothing in it is marked', async () => {
    const r = await report(`<pre>${'inner alignment, RLHF and a mesa-optimizer\n'.repeat(20_000)}</pre>`);
    expect(r.status).toBe('done');
    expect(r.terms).toEqual([]);
  });
});
