/**
 * Popup app: search, entry view, "On this page" (with its exports), the history and the site
 * switch, rendered from one small state (a change re-renders its region). Cost: the fuse index is built on the first keystroke, not at
 * open, so the popup is interactive at its first frame. Must never: block the first render on the
 * tab (a slow or absent content script only fills "On this page" later).
 */
import type { DisplayEntry } from '../glossary/display-types';
import type { PageTermsReport } from '../messaging/contract';
import type { Translate } from '../messaging/i18n';
import { GlossarySearch } from '../search/glossary-search';
import { h } from '../components/dom';
import { entryView, type Depth } from '../components/entry-view';
import { resultList } from '../components/result-list';
import { comparisonView } from '../components/comparison-view';
import { browseView, type BrowseChoice } from '../components/browse-view';
import type { Comparison } from '../search/glossary-search';
import { pageTermsList } from '../components/page-terms-list';
import { switchRow } from '../components/switch-row';
import { withKnown, type Settings } from '../settings/settings';
import { isURLEnabled } from '../settings/is-url-enabled';
import { withSite } from '../background/toggle-site';
import { arxivHtmlUrl, isPdfPage } from '../pdf/pdf-url';
import { historyView } from '../components/history-view';
import { MAX_HISTORY_ROWS, sortedHistory, type HistoryOrder, type HistoryRow } from '../learning/history-store';
import { ankiNotes, entriesCsv, readingPrep } from '../learning/study-exports';
import type { MyGlossary } from '../settings/my-glossary';

export interface PopupDeps {
  doc: Document;
  t: Translate;
  /** The glossary, read after the popup is up (glossary/entries-file.ts). */
  entries: () => Promise<readonly DisplayEntry[]>;
  getPageTerms(): Promise<PageTermsReport | null>;
  getPageUrl(): Promise<string | null>;
  /** The document's content type, or 'pdf-viewer' when the tab is our PDF viewer. */
  getPageKind(): Promise<string | null>;
  /** Show the tab's PDF in our viewer instead. */
  openInViewer(pdfUrl: string): Promise<unknown>;
  revealTerm(id: string): Promise<unknown>;
  /** Async: the public-suffix list it needs is loaded after the popup is up. */
  siteKeyFor(url: string): Promise<string | null>;
  loadSettings(): Promise<Settings>;
  updateSettings(change: (s: Settings) => Partial<Settings>): Promise<Settings>;
  openOptions(): void;
  close(): void;
  /** The look-up history (learning/history-store.ts). */
  history: {
    load(): Promise<HistoryRow[]>;
    clear(): Promise<void>;
    record(lookup: { id: string; term: string }): Promise<unknown>;
  };
  /** The reader's notes on entries (settings/my-glossary.ts). */
  mine: {
    load(): Promise<MyGlossary>;
    update(change: (g: MyGlossary) => MyGlossary | string): Promise<{ ok: true; value: MyGlossary } | { ok: false; reason: string }>;
  };
  /** Save a file the reader asked for (a local download). */
  download(filename: string, text: string, type: string): void;
  initialQuery?: string;
}

export class PopupApp {
  private query = '';
  private results: number[] = [];
  private active = 0;
  private entry: number | null = null;
  private history: number[] = [];
  private depth: Depth = 'definition';
  private report: PageTermsReport | null | undefined = undefined;
  private settings: Settings | null = null;
  private pageUrl: string | null = null;
  private site: string | null = null;
  private search: GlossarySearch | null = null;
  /** Null until the glossary has been read; a query typed meanwhile is answered when it has. */
  private entries: readonly DisplayEntry[] | null = null;
  private entriesFailed = false;
  /** "X vs Y": the two entries side by side, or why they cannot be. */
  private comparison: Comparison | null = null;
  private browse: BrowseChoice = null;
  private input!: HTMLInputElement;
  private main!: HTMLElement;
  private footer!: HTMLElement;
  private status!: HTMLElement;
  private offer!: HTMLElement;
  private view: 'main' | 'history' = 'main';
  private historyRows: HistoryRow[] = [];
  private historyOrder: HistoryOrder = 'recent';
  private notes: Record<string, string> = {};

  constructor(private readonly d: PopupDeps) {}

  mount(root: HTMLElement): void {
    const { doc, t } = this.d;
    this.input = h(doc, 'input', {
      type: 'search',
      id: 'search',
      placeholder: t('searchPlaceholder'),
      autocomplete: 'off',
      spellcheck: 'false',
      role: 'combobox',
      'aria-expanded': 'false',
      'aria-autocomplete': 'list',
    });
    this.input.addEventListener('input', () => this.onQuery(this.input.value));
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    // Escape goes back from anywhere in the popup, not only from the search box.
    doc.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && e.target !== this.input) this.onKey(e);
    });
    // Focusable so keyboard users can scroll a long entry (axe: scrollable-region-focusable).
    this.main = h(doc, 'main', { id: 'main', tabindex: '0', 'aria-label': t('extName') });
    this.footer = h(doc, 'footer', {});
    this.offer = h(doc, 'section', { class: 'pdf-offer', id: 'pdf-offer', hidden: true, 'aria-label': t('popupOpenWithGlossary') });
    this.status = h(doc, 'div', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
    root.append(
      h(
        doc,
        'header',
        { class: 'top' },
        // The icon is decoration beside the search box; the name is for screen readers.
        h(doc, 'img', { class: 'logo', src: '/icon/32.png', alt: '', width: '20', height: '20' }),
        h(doc, 'h1', { class: 'sr-only' }, t('extName')),
        h(doc, 'label', { for: 'search', class: 'sr-only' }, t('searchLabel')),
        this.input,
      ),
      this.offer,
      this.main,
      this.footer,
      this.status,
    );
    this.input.focus();
    if (this.d.initialQuery) this.input.value = this.d.initialQuery;
    this.renderMain();
    this.renderFooter();
    // The benchmark reads this mark: the search box is focused and takes keystrokes from here.
    performance.mark('popup-interactive');
    void this.loadEntries();
    void this.loadTab();
  }

  private async loadEntries(): Promise<void> {
    try {
      this.entries = await this.d.entries();
    } catch (err) {
      console.error('Alignment Glossary: could not read the glossary', err);
      this.entriesFailed = true;
      this.renderMain();
      return;
    }
    // Answer what was typed while the glossary was read; the index is built for that query.
    if (this.input.value) this.onQuery(this.input.value, this.input.value === this.d.initialQuery);
    else {
      this.renderMain();
      // Built while the reader looks at the popup, so the first keystroke finds it ready.
      const build = () => (this.search ??= new GlossarySearch(this.entries!));
      if ('requestIdleCallback' in window) requestIdleCallback(build, { timeout: 500 });
      else setTimeout(build, 50);
    }
    // The benchmark reads this mark: searches are answered from here.
    performance.mark('popup-search-ready');
  }

  private async loadTab(): Promise<void> {
    const [settings, url, kind, mine] = await Promise.all([
      this.d.loadSettings(),
      this.d.getPageUrl(),
      this.d.getPageKind(),
      this.d.mine.load(),
    ]);
    this.settings = settings;
    this.notes = mine.notes;
    // An entry opened before these arrived (a look-up from the context menu) shows them now,
    // keeping the focus where it was.
    if (this.entry !== null) {
      const focused = this.main.contains(this.d.doc.activeElement) ? this.d.doc.activeElement?.id : undefined;
      this.renderMain();
      if (focused) this.d.doc.getElementById(focused)?.focus({ preventScroll: true });
    }
    this.pageUrl = url;
    this.site = url ? await this.d.siteKeyFor(url) : null;
    this.renderFooter();
    this.renderOffer(url, kind);
    await this.refreshReport();
  }

  private async refreshReport(): Promise<void> {
    // Poll briefly while the page is still being scanned.
    for (let i = 0; i < 20; i++) {
      this.report = await this.d.getPageTerms();
      if (this.entry === null && !this.query) this.renderMain();
      if (!this.report || this.report.status !== 'scanning') break;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  private onQuery(q: string, openExact = false): void {
    this.query = q;
    this.entry = null;
    this.history = [];
    if (!this.entries) return this.renderMain();
    this.search ??= new GlossarySearch(this.entries);
    this.comparison = q.trim() ? this.search.compare(q) : null;
    this.results = q.trim() ? this.search.search(q).map((r) => r.index) : [];
    this.active = 0;
    this.status.textContent = q.trim()
      ? this.results.length
        ? this.d.t('searchResultsCount', this.results.length)
        : this.d.t('searchNoResults', q)
      : '';
    if (openExact && this.results.length) {
      const first = this.entries[this.results[0]!]!;
      const exact = [first.term, ...first.aliases].some((f) => f.toLowerCase() === q.trim().toLowerCase());
      if (exact) return this.open(this.results[0]!);
    }
    this.renderMain();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!this.results.length || this.entry !== null) return;
      e.preventDefault();
      const n = this.results.length;
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
      this.renderMain();
    } else if (e.key === 'Enter') {
      if (this.entry === null && this.results[this.active] !== undefined) {
        e.preventDefault();
        this.open(this.results[this.active]!);
      }
    } else if (e.key === 'Escape') {
      if (this.view === 'history' && this.entry === null) {
        e.preventDefault();
        this.closeHistory();
      } else if (this.entry !== null) {
        e.preventDefault();
        this.back();
      } else if (this.query) {
        e.preventDefault();
        this.input.value = '';
        this.onQuery('');
      }
    }
  }

  private open(index: number, fromEntry = false): void {
    if (fromEntry && this.entry !== null) this.history.push(this.entry);
    this.entry = index;
    const e = this.entries?.[index];
    // An entry opened here is a look-up, like a card opened on a page.
    if (e) void this.d.loadSettings().then((s) => s.history && this.d.history.record({ id: e.id, term: e.term }));
    this.renderMain();
    this.main.querySelector<HTMLElement>('#entry-term')?.focus({ preventScroll: true });
  }

  private back(): void {
    const prev = this.history.pop();
    if (prev !== undefined) this.entry = prev;
    else this.entry = null;
    this.renderMain();
    if (this.entry === null) this.input.focus();
  }

  private renderMain(): void {
    const { doc, t } = this.d;
    const entries = this.entries;
    let content: HTMLElement;
    if (this.entriesFailed && this.query.trim()) {
      content = h(doc, 'p', { class: 'empty', role: 'alert' }, t('glossaryUnreadable'));
    } else if (!entries && this.query.trim()) {
      content = h(doc, 'p', { class: 'empty' }, t('glossaryLoading'));
    } else if (this.view === 'history' && this.entry === null) {
      content = historyView(doc, t, sortedHistory(this.historyRows, this.historyOrder), {
        order: this.historyOrder,
        onOrder: (order) => {
          this.historyOrder = order;
          this.renderMain();
        },
        onOpen: (id) => {
          const i = entries?.findIndex((e) => e.id === id) ?? -1;
          if (i >= 0) this.open(i);
        },
        onClear: () => void this.clearHistory(),
        onExport: (kind) => this.exportHistory(kind),
        onBack: () => this.closeHistory(),
        off: this.settings?.history === false,
        full: this.historyRows.length >= MAX_HISTORY_ROWS,
      });
    } else if (this.entry !== null && entries) {
      content = entryView(doc, t, entries, this.entry, {
        depth: this.depth,
        onNavigate: (i) => this.open(i, true),
        onDepth: (dep) => {
          this.depth = dep;
          this.renderMain();
        },
        onBack: () => this.back(),
        known: this.settings?.knownTerms.includes(entries[this.entry]!.id) ?? false,
        note: this.notes[entries[this.entry]!.id],
        onNote: (text) => {
          const id = entries[this.entry!]!.id;
          void this.d.mine
            .update((g) => {
              const { [id]: _old, ...rest } = g.notes;
              return { ...g, notes: text.trim() ? { ...rest, [id]: text.trim().slice(0, 1000) } : rest };
            })
            .then((r) => {
              if (r.ok) this.notes = r.value.notes;
              this.status.textContent = r.ok ? this.d.t('noteSaved') : this.d.t('optionsTermRefused', r.reason);
            });
        },
        onKnown: (known) => {
          const id = entries[this.entry!]!.id;
          void this.d.updateSettings((s) => ({ knownTerms: withKnown(s.knownTerms, id, known) })).then((s) => (this.settings = s));
        },
      });
    } else if (this.comparison && entries && this.query.trim()) {
      const c = this.comparison;
      content =
        'left' in c
          ? comparisonView(doc, t, entries[c.left]!, entries[c.right]!, (which) => this.open(which === 'left' ? c.left : c.right))
          : h(doc, 'p', { class: 'empty', role: 'status' }, c.error === 'same' ? t('compareSame') : t('compareUnknown', c.term ?? ''));
    } else if (this.query.trim() && entries) {
      content = this.results.length
        ? resultList(doc, entries, this.results, this.active, (i) => this.open(i), t('searchLabel'))
        : h(doc, 'p', { class: 'empty' }, t('searchNoResults', this.query));
    } else {
      content = h(
        doc,
        'div',
        {},
        h(
          doc,
          'section',
          { class: 'on-page', 'aria-labelledby': 'on-page-title' },
          h(doc, 'h2', { id: 'on-page-title' }, t('onThisPage')),
          this.pageSection(),
        ),
        // With nothing typed, the whole glossary is there to browse, below what this page holds.
        entries
          ? browseView(
              doc,
              t,
              entries,
              this.browse,
              (choice) => {
                this.browse = choice;
                this.renderMain();
              },
              (i) => this.open(i),
            )
          : null,
      );
    }
    const showingList =
      this.view === 'main' && this.entry === null && this.comparison === null && this.query.trim() !== '' && this.results.length > 0;
    this.input.setAttribute('aria-expanded', String(showingList));
    // It names the result list only while there is one (axe: aria-controls must point at an element).
    if (showingList) this.input.setAttribute('aria-controls', 'results');
    else this.input.removeAttribute('aria-controls');
    if (showingList) this.input.setAttribute('aria-activedescendant', `result-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
    this.main.replaceChildren(content);
    if (showingList) doc.getElementById(`result-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  private pageSection(): HTMLElement {
    const { doc, t } = this.d;
    const r = this.report;
    if (r === undefined) return h(doc, 'p', { class: 'empty' }, t('onThisPageScanning'));
    if (r === null) return h(doc, 'p', { class: 'empty' }, t('onThisPageUnavailable'));
    if (r.status === 'disabled') return h(doc, 'p', { class: 'empty' }, t('onThisPageDisabled'));
    if (r.terms.length === 0) return h(doc, 'p', { class: 'empty' }, t(r.status === 'scanning' ? 'onThisPageScanning' : 'onThisPageEmpty'));
    const reveal = (id: string) => void this.d.revealTerm(id).then(() => this.d.close());
    const glossary = r.terms.filter((term) => term.source !== 'page');
    const own = r.terms.filter((term) => term.source === 'page');
    const exportButton = (id: string, label: string, kind: 'csv' | 'anki' | 'prep') => {
      const b = h(doc, 'button', { type: 'button', class: 'small', id }, label);
      b.addEventListener('click', () => this.exportPage(kind));
      return b;
    };
    return h(
      doc,
      'div',
      {},
      glossary.length ? pageTermsList(doc, t, glossary, reveal, t('onThisPage')) : null,
      own.length ? h(doc, 'h3', { id: 'defined-here-title', class: 'defined-here-title' }, t('definedOnThisPage')) : null,
      own.length ? pageTermsList(doc, t, own, reveal, t('definedOnThisPage'), 'defined-here') : null,
      glossary.length && this.entries
        ? h(
            doc,
            'div',
            { class: 'page-exports', role: 'group', 'aria-labelledby': 'page-exports-label' },
            h(doc, 'span', { id: 'page-exports-label' }, t('exportPageTerms')),
            exportButton('export-page-csv', t('exportCsv'), 'csv'),
            exportButton('export-page-anki', t('exportAnki'), 'anki'),
            exportButton('export-page-prep', t('exportPrep'), 'prep'),
          )
        : null,
    );
  }

  /** Entries by id (exports name the terms of a page or of the history by id). */
  private byId(): Map<string, DisplayEntry> {
    return new Map((this.entries ?? []).map((e) => [e.id, e]));
  }

  private exportPage(kind: 'csv' | 'anki' | 'prep'): void {
    const r = this.report;
    if (!r) return;
    const byId = this.byId();
    const glossary = r.terms.filter((term) => term.source !== 'page' && byId.has(term.id));
    const name = fileStem(this.pageUrl);
    if (kind === 'csv')
      this.d.download(
        `${name}-terms.csv`,
        entriesCsv(
          glossary.map((term) => ({ entry: byId.get(term.id)!, count: term.count })),
          'on this page',
        ),
        'text/csv',
      );
    else if (kind === 'anki') this.d.download(`${name}-anki.txt`, ankiNotes(glossary.map((term) => byId.get(term.id)!)), 'text/plain');
    else {
      const unknown = glossary.filter((term) => !term.known).map((term) => byId.get(term.id)!);
      const own = r.terms
        .filter((term) => term.source === 'page')
        .map(
          (term) =>
            term.term + (term.forms.some((f) => f !== term.term) ? ` (${term.forms.filter((f) => f !== term.term).join(', ')})` : ''),
        );
      this.d.download(
        `${name}-reading-prep.md`,
        readingPrep({ title: this.pageUrl ?? '', url: this.pageUrl ?? '' }, unknown, own),
        'text/markdown',
      );
    }
  }

  async openHistory(): Promise<void> {
    this.historyRows = await this.d.history.load();
    this.view = 'history';
    this.entry = null;
    this.renderMain();
    this.main.querySelector<HTMLElement>('#history-title')?.focus({ preventScroll: true });
  }

  private closeHistory(): void {
    this.view = 'main';
    this.renderMain();
    this.input.focus();
  }

  private async clearHistory(): Promise<void> {
    await this.d.history.clear();
    this.historyRows = [];
    this.renderMain();
    this.status.textContent = this.d.t('historyCleared');
  }

  private exportHistory(kind: 'csv' | 'anki'): void {
    const byId = this.byId();
    const rows = sortedHistory(this.historyRows, this.historyOrder).filter((r) => byId.has(r.id));
    if (kind === 'csv')
      this.d.download(
        'alignment-glossary-history.csv',
        entriesCsv(
          rows.map((r) => ({ entry: byId.get(r.id)!, count: r.count, last: r.last })),
          'looked up',
        ),
        'text/csv',
      );
    else this.d.download('alignment-glossary-history-anki.txt', ankiNotes(rows.map((r) => byId.get(r.id)!)), 'text/plain');
  }

  /** A PDF in the browser's own viewer (or a .pdf / arXiv PDF address): offer ours. */
  private renderOffer(url: string | null, kind: string | null): void {
    const { doc, t } = this.d;
    if (!url || kind === 'pdf-viewer' || !isPdfPage(url, kind)) return;
    const open = h(
      doc,
      'button',
      { type: 'button', id: 'open-with-glossary', class: 'primary', 'aria-describedby': 'pdf-offer-hint' },
      t('popupOpenWithGlossary'),
    );
    open.addEventListener('click', () => void this.d.openInViewer(url).then(() => this.d.close()));
    const html = arxivHtmlUrl(url);
    this.offer.replaceChildren(
      h(doc, 'p', { id: 'pdf-offer-hint' }, t('popupOpenWithGlossaryHint')),
      h(
        doc,
        'div',
        { class: 'pdf-actions' },
        open,
        html ? h(doc, 'a', { href: html, id: 'arxiv-html', target: '_blank', rel: 'noreferrer' }, t('arxivHtmlVersion')) : null,
      ),
    );
    this.offer.hidden = false;
  }

  private renderFooter(): void {
    const { doc, t } = this.d;
    const s = this.settings;
    const site = this.site;
    const rows: HTMLElement[] = [];
    if (s && site && this.pageUrl) {
      const on = isURLEnabled({ ...s, enabled: true }, this.pageUrl);
      rows.push(
        switchRow(
          doc,
          'site-switch',
          t(s.siteMode === 'allowlist' ? 'highlightOnSiteAllowlist' : 'highlightOnSite', site),
          on,
          (want) => void this.setSite(site, want),
          !s.enabled,
        ),
      );
    }
    if (s) rows.push(switchRow(doc, 'global-switch', t('highlightEverywhere'), s.enabled, (want) => void this.setGlobal(want)));
    const options = h(doc, 'button', { type: 'button', class: 'link', id: 'open-options' }, t('openOptions'));
    options.addEventListener('click', () => this.d.openOptions());
    const history = h(doc, 'button', { type: 'button', class: 'link', id: 'open-history' }, t('history'));
    history.addEventListener('click', () => void this.openHistory());
    this.footer.replaceChildren(...rows, h(doc, 'div', { class: 'footer-links' }, history, options));
  }

  private async setSite(site: string, on: boolean): Promise<void> {
    this.settings = await this.d.updateSettings((s) => ({ sites: withSite(s, site, on) }));
    this.renderFooter();
    await this.refreshAfterChange();
  }

  private async setGlobal(on: boolean): Promise<void> {
    this.settings = await this.d.updateSettings(() => ({ enabled: on }));
    this.renderFooter();
    await this.refreshAfterChange();
  }

  private async refreshAfterChange(): Promise<void> {
    // The content script applies the change on its own storage event; give it a moment.
    await new Promise((r) => setTimeout(r, 150));
    await this.refreshReport();
  }
}

/** A file name from a page address: its host and last path part, safe on every system. */
function fileStem(url: string | null): string {
  if (!url) return 'page';
  try {
    const u = new URL(url);
    const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
    return (
      `${u.hostname}-${last}`
        .replace(/\.[a-z0-9]+$/i, '')
        .replace(/[^a-z0-9.-]+/gi, '-')
        .replace(/-+$/, '')
        .slice(0, 80) || 'page'
    );
  } catch {
    return 'page';
  }
}
