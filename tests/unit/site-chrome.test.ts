// @vitest-environment happy-dom
/**
 * Site chrome: a term's first occurrence is painted where the reader reads, and a sidebar or
 * banner says nothing about what the page is about.
 */
import { describe, expect, it } from 'vitest';
import { SiteChrome } from '../../page/full/site-chrome';
import { GlossaryPage } from '../../page/full/glossary-page';
import { localMatchSource } from '../../page/shared/local-match-source';
import { compileMini, testTooltip } from './helpers';

const chrome = () => new SiteChrome(window);
const at = (selector: string) => document.querySelector(selector)!;

describe('SiteChrome', () => {
  it('tells the furniture from the article', () => {
    document.body.innerHTML = `
      <header><p id="h">Site</p></header>
      <nav><p id="n">Menu</p></nav>
      <div role="complementary"><p id="c">Related</p></div>
      <div style="position: fixed"><p id="f">Cookies</p></div>
      <div style="position: sticky"><p id="s">Bar</p></div>
      <ul><li id="toc"><a href="#one">Inner alignment</a></li></ul>
      <main><article><header><h1 id="ah">Title</h1></header>
        <p id="p">A paragraph with <a href="#x">a link</a> and much more text than the link has.</p></article></main>
      <footer><p id="ft">Footer</p></footer>`;
    const c = chrome();
    for (const id of ['h', 'n', 'c', 'f', 's', 'toc', 'ft']) expect(c.isChrome(at(`#${id}`)), id).toBe(true);
    // An article's own header is the article.
    for (const id of ['ah', 'p']) expect(c.isChrome(at(`#${id}`)), id).toBe(false);
  });
});

describe('first occurrence and the topic gate', () => {
  const G = [
    { id: 'inner-alignment', term: 'inner alignment' },
    { id: 'rlhf', term: 'RLHF' },
    { id: 'mesa-optimizer', term: 'mesa-optimizer' },
    { id: 'debate', term: 'AI safety via debate', gatedAliases: ['debate'] },
  ];
  const run = async (html: string, countLater: boolean) => {
    document.body.innerHTML = html; // test fixture only
    const page = new GlossaryPage(document, {
      source: localMatchSource(compileMini(G)),
      loadEntry: async () => null,
      loadTooltip: testTooltip,
      countLater,
    });
    await page.start();
    return page;
  };

  it.each([false, true])('paints the article occurrence, not the earlier one in the navigation (count later: %s)', async (countLater) => {
    const page = await run(
      '<nav><ul><li><a href="#a">Inner alignment</a></li></ul></nav><article><p id="a">Why inner alignment is hard, and RLHF.</p></article>',
      countLater,
    );
    const painted = (page as unknown as { index: { paintSet(): { nodes: Text[] }[] } }).index.paintSet();
    expect(painted.map((m) => m.nodes[0]!.parentElement!.id).sort()).toEqual(['a', 'a']);
    expect(page.report().terms.map((t) => [t.id, t.count])).toEqual([
      ['inner-alignment', 2],
      ['rlhf', 1],
    ]);
    page.stop();
  });

  it('a term only in the chrome is painted there', async () => {
    const page = await run(
      '<aside><p id="s">Tags: RLHF</p></aside><article><p>Inner alignment, mesa-optimizer and debate.</p></article>',
      true,
    );
    const painted = (page as unknown as { index: { paintSet(): { nodes: Text[] }[] } }).index.paintSet();
    expect(painted.some((m) => m.nodes[0]!.parentElement!.id === 's')).toBe(true);
    page.stop();
  });

  it('terms in a sidebar alone do not make the page about AI', async () => {
    const page = await run(
      '<aside><p>RLHF, inner alignment and a mesa-optimizer.</p></aside><article><p>The school debate was lively.</p></article>',
      true,
    );
    expect(page.report().terms.map((t) => t.id)).not.toContain('debate');
    page.stop();
    const ai = await run('<article><p>RLHF, inner alignment and a mesa-optimizer.</p><p>The debate protocol.</p></article>', true);
    expect(ai.report().terms.map((t) => t.id)).toContain('debate');
    ai.stop();
  });
});
