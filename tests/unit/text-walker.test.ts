// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TextWalker, locate } from '../../page/shared/text-walker';

const blocksOf = (html: string) => {
  document.body.innerHTML = html; // test fixture only
  const w = new TextWalker(document.body, { isVisible: () => true });
  const out: string[] = [];
  for (let b = w.next(); b; b = w.next()) out.push(b.text.trim().replace(/\s+/g, ' '));
  return out;
};

describe('TextWalker', () => {
  it('joins text across inline elements into one phrase', () => {
    expect(blocksOf('<p>The <em>goal</em> mis<b>general</b>ization <a href="#">problem</a>.</p>')).toEqual([
      'The goal misgeneralization problem.',
    ]);
  });

  it('splits at block boundaries and line breaks', () => {
    expect(blocksOf('<div><p>inner</p> alignment</div><ul><li>a</li><li>b</li></ul><p>x<br>y</p>')).toEqual([
      'inner',
      'alignment',
      'a',
      'b',
      'x',
      'y',
    ]);
  });

  it('splits at a line break between inline wrappers (PDF text layers: one span per line)', () => {
    expect(
      blocksOf("<div><span>the core of</span><br><span>Goodhart's law</span><span> holds</span><br><b><i>x</i></b><br><em>y</em></div>"),
    ).toEqual(['the core of', "Goodhart's law holds", 'x', 'y']);
    expect(blocksOf('<p><span>reward</span><code>c</code><span>hacking</span></p>')).toEqual(['reward', 'hacking']);
  });

  it('ends a word at footnote marks, footnote links, citations and arXiv notes; not at emphasis', () => {
    expect(
      blocksOf(
        '<p>RLHF<sup>1</sup> and mesa-optimizer<sup><a href="#fn2">2</a></sup> then Inner alignment<a href="#fn5"><sup>5</sup></a>.</p>',
      ),
    ).toEqual(['RLHF', 'and mesa-optimizer', 'then Inner alignment', '.']);
    expect(blocksOf('<p>reward hacking<a href="#fn3" role="doc-noteref">3</a> and goal misgeneralization<sub>a</sub> [3]</p>')).toEqual([
      'reward hacking',
      'and goal misgeneralization',
      '[3]',
    ]);
    // A link with words is part of the sentence.
    expect(blocksOf('<p>see <a href="#s2">inner alignment</a> here and mesa-<em>optimizer</em></p>')).toEqual([
      'see inner alignment here and mesa-optimizer',
    ]);
    expect(blocksOf('<p>corrigibility<cite>[4]</cite> as in <cite>Risks from Learned Optimization</cite> says</p>')).toEqual([
      'corrigibility',
      '[4]',
      'as in',
      'Risks from Learned Optimization',
      'says',
    ]);
    // LaTeXML: the mark is skipped and the note's own text is a block of its own.
    expect(
      blocksOf(
        '<p class="ltx_p">RLHF<span class="ltx_note ltx_role_footnote"><sup class="ltx_note_mark">1</sup><span class="ltx_note_outer"><span class="ltx_note_content"><sup class="ltx_note_mark">1</sup>A footnote.</span></span></span> is used.</p>',
      ),
    ).toEqual(['RLHF', 'A footnote.', 'is used.']);
  });

  it('keeps a word whole across a soft hyphen and <wbr>', () => {
    expect(blocksOf('<p>inter&shy;pretability and deceptive align<wbr>ment</p>')).toEqual([
      'inter\u00adpretability and deceptive alignment',
    ]);
  });

  it('skips code, form fields, editable regions, scripts and hidden elements', () => {
    const html = `
      <p>keep one</p>
      <pre>mesa-optimizer</pre><code>RLHF</code><kbd>k</kbd><samp>s</samp>
      <textarea>inner alignment</textarea><input value="x"><select><option>o</option></select>
      <div contenteditable="true"><p>typed text</p></div>
      <div contenteditable="false"><p>keep two</p></div>
      <script>var a = 'inner alignment'</script><style>p{}</style><noscript>n</noscript>
      <svg><text>svg text</text></svg>
      <div hidden><p>hidden</p></div><div aria-hidden="true">aria hidden</div>
      <alignment-glossary-ui>own ui</alignment-glossary-ui>`;
    expect(blocksOf(html)).toEqual(['keep one', 'keep two']);
  });

  it('breaks a phrase around a skipped inline element', () => {
    expect(blocksOf('<p>inner <code>x</code> alignment</p>')).toEqual(['inner', 'alignment']);
  });

  it('leaves visibility to the caller: asked once per block, only for blocks it is asked about', () => {
    document.body.innerHTML = '<p id="a">seen <b>bold</b></p><p id="b">unseen</p><p id="c">never asked</p>';
    const asked: string[] = [];
    const w = new TextWalker(document.body, {
      isVisible: (el) => {
        asked.push(el.id);
        return el.id !== 'b';
      },
    });
    const seen: string[] = [];
    for (let b = w.next(); b; b = w.next()) {
      if (b.container?.id === 'c') continue;
      if (w.visible(b) && w.visible(b)) seen.push(b.text);
    }
    expect(seen).toEqual(['seen bold']);
    expect(asked).toEqual(['a', 'b']);
  });

  it('maps block offsets back to text nodes', () => {
    document.body.innerHTML = '<p>ab<em>cd</em>ef</p>';
    const w = new TextWalker(document.body, { isVisible: () => true });
    const block = w.next()!;
    expect(block.text).toBe('abcdef');
    const [n1, o1] = locate(block, 2, false);
    expect([n1.data, o1]).toEqual(['cd', 0]);
    const [n2, o2] = locate(block, 4, true);
    expect([n2.data, o2]).toEqual(['cd', 2]);
    const [n3, o3] = locate(block, 5, false);
    expect([n3.data, o3]).toEqual(['ef', 1]);
  });

  it('never changes the page', () => {
    const html = '<p>The <em>goal</em> misgeneralization</p><pre>code</pre>';
    document.body.innerHTML = html;
    const w = new TextWalker(document.body, { isVisible: () => true });
    while (w.next());
    expect(document.body.innerHTML).toBe(html);
  });
});

describe('TextWalker rooted inside a skip zone', () => {
  it('skips text when an ancestor above the root is editable or code', () => {
    document.body.innerHTML = '<div contenteditable="true"><p id="r">typed text</p></div><pre><span id="c">code</span></pre>';
    for (const id of ['r', 'c']) {
      const w = new TextWalker(document.getElementById(id)!, { isVisible: () => true });
      expect(w.next()).toBeNull();
    }
  });
});
