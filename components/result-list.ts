/**
 * Result list: search results (term and gist) as an ARIA listbox with one active option; the
 * search box keeps focus and points at it with aria-activedescendant, so arrows move and Enter
 * opens. Cost: one <li> per result (at most 20).
 * Must never: move focus out of the search box while the reader types.
 */
import type { DisplayEntry } from '../glossary/display-types';
import { h } from './dom';
import { headingCase } from './tooltip-card';

export function resultList(
  doc: Document,
  entries: readonly DisplayEntry[],
  indexes: readonly number[],
  active: number,
  onChoose: (index: number) => void,
  label: string,
): HTMLUListElement {
  return h(
    doc,
    'ul',
    { id: 'results', role: 'listbox', 'aria-label': label },
    ...indexes.map((i, pos) => {
      const e = entries[i]!;
      const li = h(
        doc,
        'li',
        { id: `result-${pos}`, role: 'option', 'aria-selected': String(pos === active), 'data-entry': e.id },
        h(doc, 'span', { class: 'result-term' }, headingCase(e.term)),
        h(doc, 'span', { class: 'result-gist' }, e.gist),
      );
      // mousedown, not click: choosing must not blur the search box first.
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        onChoose(i);
      });
      return li;
    }),
  );
}
