/**
 * "On this page": the terms found in the tab, in order of first appearance, with counts (the
 * glossary's, or, in a list of their own, the terms the page defines itself).
 *
 * Cost: one button per term. Must never: show terms the content script did not report.
 */
import type { PageTerm } from '../messaging/contract';
import type { Translate } from '../messaging/i18n';
import { h } from './dom';
import { headingCase } from './tooltip-card';

export function pageTermsList(
  doc: Document,
  t: Translate,
  terms: readonly PageTerm[],
  onChoose: (id: string) => void,
  label = t('onThisPage'),
  cls = '',
): HTMLElement {
  return h(
    doc,
    'ol',
    { class: `page-terms ${cls}`.trim(), 'aria-label': label },
    ...terms.map((term) => {
      const b = h(
        doc,
        'button',
        { type: 'button', 'data-entry': term.id, title: t('showOnPage') },
        h(doc, 'span', { class: 'page-term' }, headingCase(term.term)),
        h(doc, 'span', { class: 'count', 'aria-label': `${term.count}` }, t('termCount', term.count)),
      );
      b.addEventListener('click', () => onChoose(term.id));
      return h(doc, 'li', {}, b);
    }),
  );
}
