/**
 * History view: the terms the reader has looked up, most recent first or most looked up first,
 * each with its count and last date, a button to open it, Clear history, and the CSV and Anki
 * exports. Cost: one row per term. Must never: show an address ("where I saw it") as a link the
 * reader did not choose to keep, or interpret entry text as markup.
 */
import type { HistoryOrder, HistoryRow } from '../learning/history-store';
import type { Translate } from '../messaging/i18n';
import { h } from './dom';
import { headingCase } from './tooltip-card';

export interface HistoryViewOptions {
  order: HistoryOrder;
  onOrder(order: HistoryOrder): void;
  onOpen(id: string): void;
  onClear(): void;
  onExport(kind: 'csv' | 'anki'): void;
  onBack(): void;
  /** History is switched off in the options: say so above what is kept. */
  off: boolean;
  /** The history holds as many terms as it can: a new term is not recorded until it is cleared. */
  full?: boolean;
}

export function historyView(doc: Document, t: Translate, rows: readonly HistoryRow[], o: HistoryViewOptions): HTMLElement {
  const back = h(doc, 'button', { type: 'button', class: 'back', 'aria-label': t('back') }, '←');
  back.addEventListener('click', o.onBack);
  const orders: [HistoryOrder, string][] = [
    ['recent', t('historyRecent')],
    ['count', t('historyMost')],
  ];
  const sort = h(
    doc,
    'div',
    { class: 'depth', role: 'radiogroup', 'aria-label': t('historySort') },
    ...orders.map(([v, label]) => {
      const b = h(doc, 'button', { type: 'button', role: 'radio', 'aria-checked': String(v === o.order), 'data-order': v }, label);
      b.addEventListener('click', () => o.onOrder(v));
      return b;
    }),
  );
  const button = (id: string, label: string, onClick: () => void) => {
    const b = h(doc, 'button', { type: 'button', class: 'small', id }, label);
    b.addEventListener('click', onClick);
    return b;
  };
  const date = (ms: number) => new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  return h(
    doc,
    'section',
    { class: 'history', 'aria-labelledby': 'history-title' },
    h(doc, 'header', {}, back, h(doc, 'h2', { id: 'history-title', tabindex: '-1' }, t('history'))),
    o.off ? h(doc, 'p', { class: 'empty' }, t('historyOff')) : null,
    o.full ? h(doc, 'p', { class: 'empty', role: 'status' }, t('historyFull')) : null,
    rows.length
      ? h(
          doc,
          'div',
          {},
          sort,
          h(
            doc,
            'ol',
            { class: 'history-list', 'aria-label': t('history') },
            ...rows.map((r) => {
              const open = h(doc, 'button', { type: 'button', class: 'history-term', 'data-entry': r.id }, headingCase(r.term));
              open.addEventListener('click', () => o.onOpen(r.id));
              return h(
                doc,
                'li',
                {},
                open,
                h(doc, 'span', { class: 'count' }, t('historyCount', r.count)),
                h(doc, 'span', { class: 'when' }, date(r.last)),
              );
            }),
          ),
          h(
            doc,
            'div',
            { class: 'history-actions' },
            button('export-history-csv', t('exportCsv'), () => o.onExport('csv')),
            button('export-history-anki', t('exportAnki'), () => o.onExport('anki')),
            button('clear-history', t('clearHistory'), o.onClear),
          ),
        )
      : h(doc, 'p', { class: 'empty' }, t('historyEmpty')),
  );
}
