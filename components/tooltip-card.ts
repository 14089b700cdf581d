/**
 * Tooltip card: the hover tooltip's content for one entry: term, category and gist first, then
 * related and contrasting terms as buttons the caller handles and the source; the definition one
 * click away (More), and a back button after a followed link. Cost: about 20 elements per card.
 * Must never: use innerHTML or interpret entry text as markup; every string is a text node.
 */
import type { CardEntry } from '../glossary/display-types';
import { h } from './dom';
import { reviewedMonth, sourceCitation } from './source-citation';
import { citeText, copyText } from './cite-text';

export interface CardHandlers {
  onNavigate(entryIndex: number): void;
  /** Scroll to where the page defines the term (a term the page defines itself, or a glossary term it redefines). */
  onGoToDefinition?: () => void;
  onBack?: () => void;
  /** The card changed size (More / Less): place it again. */
  onResize?: () => void;
  /** Show the definition from the start (the reader's option). */
  expanded?: boolean;
  /** Whether the reader marked the term as known; with `onKnown`, the card offers Mark as known. */
  known?: boolean;
  onKnown?: (known: boolean) => void;
}

/**
 * Mark as known: a toggle button (aria-pressed), so its name stays "Mark as known" and a screen
 * reader says whether it is on. Shared by the card and the popup's entry view.
 */
export function knownButton(doc: Document, label: string, known: boolean, onKnown: (known: boolean) => void): HTMLButtonElement {
  const b = h(doc, 'button', { type: 'button', class: 'action mark-known', 'aria-pressed': String(known) }, label);
  b.addEventListener('click', (ev) => {
    ev.stopPropagation();
    const next = b.getAttribute('aria-pressed') !== 'true';
    b.setAttribute('aria-pressed', String(next));
    onKnown(next);
  });
  return b;
}

const CATEGORY_LABELS: Record<string, string> = {
  'core-concepts': 'Core concept',
  'failure-modes': 'Failure mode',
  'training-methods': 'Training method',
  interpretability: 'Interpretability',
  evaluation: 'Evaluation',
  'governance-and-strategy': 'Governance and strategy',
  'agents-and-decision-theory': 'Agents and decision theory',
  'forecasting-and-risk': 'Forecasting and risk',
  'your-term': 'Your term',
};

/** Headings start with a capital; terms are stored as they appear mid-sentence. */
export function headingCase(term: string): string {
  return /^[a-z]/.test(term) ? term[0]!.toUpperCase() + term.slice(1) : term;
}

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

/**
 * The card of a term the page defines itself: "Defined on this page", the defining sentence, and
 * Go to definition.
 */
function pageTermCard(doc: Document, e: CardEntry & { page: NonNullable<CardEntry['page']> }, handlers: CardHandlers): HTMLElement {
  const go = h(doc, 'button', { type: 'button', class: 'action go-to-definition' }, 'Go to definition');
  go.addEventListener('click', (ev) => {
    ev.stopPropagation();
    handlers.onGoToDefinition?.();
  });
  return h(
    doc,
    'article',
    { class: 'card page-term', 'data-entry': e.id, 'aria-label': `${e.term}: defined on this page` },
    h(
      doc,
      'header',
      {},
      h(doc, 'h2', { class: 'term' }, headingCase(e.term)),
      h(doc, 'span', { class: 'category' }, 'Defined on this page'),
    ),
    e.page.acronym ? h(doc, 'p', { class: 'acronym' }, `${e.page.acronym}: ${e.term}`) : null,
    h(doc, 'blockquote', { class: 'defining-sentence' }, e.page.sentence),
    h(doc, 'div', { class: 'actions' }, handlers.onGoToDefinition ? go : null),
  );
}

/** The reader's private note on an entry, or on one of their own terms. */
function yourNote(doc: Document, note: string): HTMLElement {
  return h(doc, 'p', { class: 'your-note' }, h(doc, 'span', { class: 'links-label' }, 'Your note:'), ` ${note}`);
}

/** Where one of the reader's own terms comes from: their link, opened without opener or referrer. */
function userSource(doc: Document, url: string): HTMLElement {
  return h(
    doc,
    'p',
    { class: 'source' },
    h(doc, 'span', { class: 'links-label' }, 'Source'),
    h(doc, 'a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url.replace(/^https?:\/\//, '').slice(0, 60)),
  );
}

/** A glossary card's note on how this page defines the term. */
function pageNote(doc: Document, note: string, handlers: CardHandlers): HTMLElement {
  const go = h(doc, 'button', { type: 'button', class: 'link-button go-to-definition' }, 'Go to definition');
  go.addEventListener('click', (ev) => {
    ev.stopPropagation();
    handlers.onGoToDefinition?.();
  });
  return h(
    doc,
    'p',
    { class: 'page-note' },
    h(doc, 'span', { class: 'links-label' }, 'This page:'),
    ` ${note} `,
    handlers.onGoToDefinition ? go : null,
  );
}

export function tooltipCard(doc: Document, e: CardEntry, handlers: CardHandlers): HTMLElement {
  if (e.page) return pageTermCard(doc, { ...e, page: e.page }, handlers);
  const chips = (label: string, refs: CardEntry['related'], cls: string) =>
    refs.length === 0
      ? null
      : h(
          doc,
          'div',
          { class: `links ${cls}` },
          h(doc, 'span', { class: 'links-label' }, label),
          ...refs.map((r) => {
            const b = h(doc, 'button', { type: 'button', class: 'chip', 'data-entry': r.id }, r.term);
            b.addEventListener('click', (ev) => {
              ev.stopPropagation();
              handlers.onNavigate(r.index);
            });
            return b;
          }),
        );

  let back: HTMLButtonElement | null = null;
  if (handlers.onBack) {
    back = h(doc, 'button', { type: 'button', class: 'back', 'aria-label': 'Back' }, '←');
    const onBack = handlers.onBack;
    back.addEventListener('click', (ev) => {
      ev.stopPropagation();
      onBack();
    });
  }

  // Compact first: the gist is what a reader mid-sentence needs; the definition is one click away.
  const expanded = !!handlers.expanded;
  const definition = h(doc, 'p', { class: 'definition', id: `agc-def-${e.id}`, hidden: !expanded }, e.definition);
  const more = h(
    doc,
    'button',
    { type: 'button', class: 'more', 'aria-expanded': String(expanded), 'aria-controls': `agc-def-${e.id}` },
    expanded ? 'Less' : 'More',
  );
  more.addEventListener('click', (ev) => {
    ev.stopPropagation();
    const open = definition.hidden;
    definition.hidden = !open;
    more.setAttribute('aria-expanded', String(open));
    more.textContent = open ? 'Less' : 'More';
    handlers.onResize?.();
  });
  // Central entries have an in-depth layer: it opens inside the card, below the definition.
  const list = (items: readonly (string | Node)[]) => h(doc, 'ul', {}, ...items.map((i) => h(doc, 'li', {}, i)));
  const deep = e.depth
    ? h(
        doc,
        'div',
        { class: 'in-depth', id: `agc-depth-${e.id}`, hidden: true },
        h(doc, 'h3', {}, 'Origin'),
        h(doc, 'p', {}, e.depth.origin),
        h(doc, 'h3', {}, 'Key ideas'),
        list(e.depth.keyIdeas),
        h(doc, 'h3', {}, 'Debates'),
        list(e.depth.debates),
        h(doc, 'h3', {}, 'Further reading'),
        list(e.depth.furtherReading.map((s) => sourceCitation(doc, s))),
      )
    : null;
  const depthButton = deep
    ? h(
        doc,
        'button',
        { type: 'button', class: 'more in-depth-toggle', 'aria-expanded': 'false', 'aria-controls': `agc-depth-${e.id}` },
        'In depth',
      )
    : null;
  depthButton?.addEventListener('click', (ev) => {
    ev.stopPropagation();
    const open = deep!.hidden;
    deep!.hidden = !open;
    depthButton.setAttribute('aria-expanded', String(open));
    handlers.onResize?.();
  });

  // Copy and Cite put plain text on the clipboard; the button says whether it worked.
  const status = h(doc, 'span', { class: 'sr-only', role: 'status' });
  const clipboardButton = (label: string, cls: string, text: () => string) => {
    const b = h(doc, 'button', { type: 'button', class: `action ${cls}` }, label);
    b.addEventListener('click', (ev) => {
      ev.stopPropagation();
      const clipboard = doc.defaultView?.navigator.clipboard;
      const done = (ok: boolean) => {
        b.textContent = ok ? 'Copied' : 'Copy failed';
        status.textContent = ok ? `${label}: copied to the clipboard` : `${label}: the page does not allow copying`;
        setTimeout(() => (b.textContent = label), 1500);
      };
      if (!clipboard) return done(false);
      clipboard.writeText(text()).then(
        () => done(true),
        () => done(false),
      );
    });
    return b;
  };
  const actions = h(
    doc,
    'div',
    { class: 'actions' },
    handlers.onKnown ? knownButton(doc, 'Mark as known', !!handlers.known, handlers.onKnown) : null,
    clipboardButton('Copy', 'copy', () => copyText(e.term, e.definition, e.source)),
    e.source ? clipboardButton('Cite', 'cite', () => citeText(e.source!)) : null,
    status,
  );

  const source = e.source;
  return h(
    doc,
    'article',
    { class: 'card', 'data-entry': e.id, 'aria-label': `${e.term}: glossary entry` },
    h(
      doc,
      'header',
      {},
      back,
      h(doc, 'h2', { class: 'term' }, headingCase(e.term)),
      h(doc, 'span', { class: 'category' }, categoryLabel(e.category)),
    ),
    h(doc, 'p', { class: 'gist' }, e.gist),
    e.pageNote ? pageNote(doc, e.pageNote, handlers) : null,
    e.note ? yourNote(doc, e.note) : null,
    e.user ? null : h(doc, 'div', { class: 'expanders' }, more, depthButton),
    e.user ? null : definition,
    deep,
    chips('Related', e.related, 'related'),
    chips('Not to be confused with', e.contrasts, 'contrasts'),
    e.user?.source && /^https?:\/\//.test(e.user.source) ? userSource(doc, e.user.source) : null,
    source
      ? h(
          doc,
          'p',
          { class: 'source' },
          h(doc, 'span', { class: 'links-label' }, 'Source'),
          sourceCitation(doc, source),
          h(doc, 'span', { class: 'reviewed' }, ` · checked ${reviewedMonth(e.reviewed)}`),
        )
      : null,
    actions,
  );
}
