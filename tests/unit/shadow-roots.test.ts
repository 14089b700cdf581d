// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { openShadowRoots } from '../../page/shared/shadow-roots';

function host(tag: string, mode: 'open' | 'closed', text: string): HTMLElement {
  const el = document.createElement(tag);
  el.attachShadow({ mode }).append(document.createTextNode(text));
  return el;
}

describe('openShadowRoots', () => {
  it('finds open roots on custom elements and on the HTML elements that can host one, nested ones after their host, in page order', () => {
    document.body.replaceChildren();
    const outer = host('x-card', 'open', 'outer');
    const inner = host('section', 'open', 'inner');
    outer.shadowRoot!.append(inner);
    const list = document.createElement('ul');
    const item = document.createElement('li');
    item.append(host('span', 'open', 'in a list item'));
    list.append(item);
    document.body.append(outer, list, host('div', 'closed', 'private'));
    const texts = openShadowRoots(document.body).map((sr) => sr.textContent);
    expect(texts).toEqual(['outer', 'inner', 'in a list item']);
  });

  it('also looks at the root itself (an element the page just added may be a host)', () => {
    const el = host('div', 'open', 'added');
    expect(openShadowRoots(el).map((sr) => sr.textContent)).toEqual(['added']);
  });

  it('finds nothing on a page without shadow roots, and does not look inside closed ones', () => {
    document.body.replaceChildren();
    document.body.innerHTML = '<p>Plain <a href="#">text</a> <code>x</code></p>';
    document.body.append(host('x-private', 'closed', 'hidden'));
    expect(openShadowRoots(document.body)).toEqual([]);
  });
});
