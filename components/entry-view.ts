/**
 * Entry view: the full entry in the popup (term, category, a gist/definition/in-depth control,
 * aliases, related and contrasting terms as buttons, every source as a link); the caller decides
 * what choosing a related term does. Cost: a few dozen elements, built when the entry opens.
 * Must never: interpret entry text as markup.
 */
import type { DisplayEntry } from '../glossary/display-types';
import type { Translate } from '../messaging/i18n';
import { h } from './dom';
import { reviewedMonth, sourceCitation } from './source-citation';
import { categoryLabel, headingCase, knownButton } from './tooltip-card';

export type Depth = 'gist' | 'definition' | 'depth';

export interface EntryViewOptions {
  depth: Depth;
  onNavigate(index: number): void;
  onDepth(depth: Depth): void;
  onBack?: () => void;
  /** Whether the reader marked the entry as known; with `onKnown`, the view offers Mark as known. */
  known?: boolean;
  onKnown?: (known: boolean) => void;
  /** The reader's private note on the entry; with `onNote`, the view lets them write or change it. */
  note?: string;
  onNote?: (text: string) => void;
}

/** "Your note": the note, and a field to write or change it (an empty note deletes it). */
function noteEditor(doc: Document, t: Translate, note: string, onNote: (text: string) => void): HTMLElement {
  const area = h(doc, 'textarea', { id: 'note-text', rows: '3', maxlength: '1000' });
  area.value = note;
  const save = h(doc, 'button', { type: 'button', class: 'small', id: 'save-note' }, t('saveNote'));
  save.addEventListener('click', () => onNote(area.value));
  const details = h(
    doc,
    'details',
    { class: 'your-note' },
    h(doc, 'summary', {}, t('yourNote')),
    h(doc, 'label', { for: 'note-text', class: 'sr-only' }, t('yourNote')),
    area,
    save,
  );
  if (note) details.open = true;
  return details;
}

export function entryView(doc: Document, t: Translate, entries: readonly DisplayEntry[], index: number, o: EntryViewOptions): HTMLElement {
  const e = entries[index]!;
  const depth: Depth = o.depth === 'depth' && !e.depth ? 'definition' : o.depth;

  const chipRow = (label: string, ids: readonly number[], cls: string) =>
    ids.length === 0
      ? null
      : h(
          doc,
          'section',
          { class: `links ${cls}`, 'aria-label': label },
          h(doc, 'h3', {}, label),
          h(
            doc,
            'ul',
            {},
            ...ids.map((i) => {
              const b = h(doc, 'button', { type: 'button', class: 'chip', 'data-entry': entries[i]!.id }, entries[i]!.term);
              b.addEventListener('click', () => o.onNavigate(i));
              return h(doc, 'li', {}, b);
            }),
          ),
        );

  const levels: [Depth, string][] = [
    ['gist', t('depthGist')],
    ['definition', t('depthDefinition')],
    ...(e.depth ? ([['depth', t('depthInDepth')]] as [Depth, string][]) : []),
  ];
  const depthControl = h(
    doc,
    'div',
    { class: 'depth', role: 'radiogroup', 'aria-label': t('depthLabel') },
    ...levels.map(([d, label]) => {
      const b = h(doc, 'button', { type: 'button', role: 'radio', 'aria-checked': String(d === depth), 'data-depth': d }, label);
      b.addEventListener('click', () => o.onDepth(d));
      return b;
    }),
  );

  let back: HTMLButtonElement | null = null;
  if (o.onBack) {
    back = h(doc, 'button', { type: 'button', class: 'back', 'aria-label': t('back') }, '←');
    back.addEventListener('click', o.onBack);
  }

  const deep =
    e.depth && depth === 'depth'
      ? h(
          doc,
          'div',
          { class: 'in-depth' },
          h(doc, 'h3', {}, t('origin')),
          h(doc, 'p', {}, e.depth.origin),
          h(doc, 'h3', {}, t('keyIdeas')),
          h(doc, 'ul', {}, ...e.depth.keyIdeas.map((k) => h(doc, 'li', {}, k))),
          h(doc, 'h3', {}, t('debates')),
          h(doc, 'ul', {}, ...e.depth.debates.map((k) => h(doc, 'li', {}, k))),
          h(doc, 'h3', {}, t('furtherReading')),
          h(doc, 'ul', {}, ...e.depth.furtherReading.map((s) => h(doc, 'li', {}, sourceCitation(doc, s)))),
        )
      : null;

  return h(
    doc,
    'article',
    { class: 'entry', 'data-entry': e.id, 'aria-labelledby': 'entry-term' },
    h(
      doc,
      'header',
      {},
      back,
      h(doc, 'h2', { id: 'entry-term', tabindex: '-1' }, headingCase(e.term)),
      h(doc, 'span', { class: 'category' }, categoryLabel(e.category)),
    ),
    h(doc, 'div', { class: 'entry-actions' }, depthControl, o.onKnown ? knownButton(doc, t('markKnown'), !!o.known, o.onKnown) : null),
    h(doc, 'p', { class: 'gist' }, e.gist),
    depth !== 'gist' ? h(doc, 'p', { class: 'definition' }, e.definition) : null,
    deep,
    o.onNote ? noteEditor(doc, t, o.note ?? '', o.onNote) : null,
    e.aliases.length
      ? h(doc, 'p', { class: 'aliases' }, h(doc, 'span', { class: 'label' }, t('aliases') + ': '), e.aliases.join(', '))
      : null,
    chipRow(t('related'), e.related, 'related'),
    chipRow(t('contrasts'), e.contrasts, 'contrasts'),
    h(
      doc,
      'section',
      { class: 'sources', 'aria-label': t('sources') },
      h(doc, 'h3', {}, t('sources')),
      h(doc, 'ul', {}, ...e.sources.map((s) => h(doc, 'li', {}, sourceCitation(doc, s)))),
      h(doc, 'p', { class: 'reviewed' }, t('reviewedOn', reviewedMonth(e.reviewed))),
    ),
  );
}
