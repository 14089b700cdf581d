/**
 * PDF viewer app: toolbar, keyboard shortcuts, title, and a clear message when the PDF cannot be
 * opened; `onReady`/`onFailed` tell the entrypoint whether to start the glossary. Cost: the PDF's
 * bytes once (drawing: pdf-pages.ts). Must never: build DOM from strings, touch extension APIs
 * (the entrypoint owns messaging and settings), or load anything but the one PDF.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import { h } from '../components/dom';
import type { Translate } from '../messaging/i18n';
import { fetchPdf } from './fetch-pdf';
import { classifyParseFailure, failureMessageKeys, type Failure } from './load-failure';
import { arxivHtmlUrl } from './pdf-url';
import { PdfPages } from './pdf-pages';
import { TextFinder } from './text-finder';
import { clampScale, fitWidthScale, stepScale } from './zoom';

const SYMBOLS: Record<string, string> = {
  'prev-page': '‹',
  'next-page': '›',
  'zoom-out': '−',
  'zoom-in': '+',
  'find-prev': '↑',
  'find-next': '↓',
};

export interface ViewerDeps {
  doc: Document;
  t: Translate;
  /** The bundled pdf.js worker (a file of the extension, never a remote URL). */
  workerSrc: string;
  firefox: boolean;
  onReady?(): void;
  onFailed?(failure: Failure): void;
}

export class ViewerApp {
  pages: PdfPages | null = null;
  pdf: PDFDocumentProxy | null = null;
  failure: Failure | null = null;
  private finder: TextFinder | null = null;
  /** 'auto': fit the width but not past 150 % (the opening view); 'fit': fit the width. */
  private zoomMode: 'auto' | 'fit' | 'fixed' = 'auto';
  private container!: HTMLElement;
  private pageInput!: HTMLInputElement;
  private pageCount!: HTMLElement;
  private zoomLevel!: HTMLElement;
  private findInput!: HTMLInputElement;
  private findStatus!: HTMLElement;
  private status!: HTMLElement;
  private toolbar!: HTMLElement;
  private lastPage = 0;

  constructor(private readonly d: ViewerDeps) {
    GlobalWorkerOptions.workerSrc = d.workerSrc;
  }

  mount(root: HTMLElement, fileUrl: string | null): void {
    const { doc, t } = this.d;
    // Symbol buttons get a name; a button with words is named by them (visible label = name).
    const button = (id: string, label: string, text: string | null, keys: string | undefined, onClick: () => void) => {
      const b = h(
        doc,
        'button',
        {
          type: 'button',
          id,
          'aria-label': text ? undefined : label,
          title: keys ? `${label} (${keys})` : label,
          'aria-keyshortcuts': keys,
        },
        text ?? SYMBOLS[id] ?? '',
      );
      b.addEventListener('click', onClick);
      return b;
    };
    this.pageInput = h(doc, 'input', {
      id: 'page-number',
      type: 'text',
      inputmode: 'numeric',
      autocomplete: 'off',
      size: '3',
      value: '1',
      'aria-describedby': 'page-count',
    });
    this.pageInput.addEventListener('change', () => this.goTo(Number(this.pageInput.value)));
    this.pageInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.goTo(Number(this.pageInput.value));
    });
    this.pageCount = h(doc, 'span', { id: 'page-count' }, '');
    this.zoomLevel = h(doc, 'output', { id: 'zoom-level', 'aria-label': t('viewerZoomLevel') }, '');
    this.findInput = h(doc, 'input', {
      id: 'find',
      type: 'search',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: t('viewerFindPlaceholder'),
      'aria-keyshortcuts': '/',
    });
    this.findInput.addEventListener('input', () => this.find());
    this.findInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.findStep(e.shiftKey ? -1 : 1);
      } else if (e.key === 'Escape') {
        this.findInput.value = '';
        this.finder?.clear();
        this.findStatus.textContent = '';
      }
    });
    this.findStatus = h(doc, 'span', { id: 'find-status', role: 'status', 'aria-live': 'polite' }, '');
    this.status = h(doc, 'div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', id: 'viewer-status' });

    const links = h(doc, 'div', { class: 'links' });
    if (fileUrl) {
      links.append(h(doc, 'a', { href: fileUrl, id: 'original-link', rel: 'noreferrer' }, t('viewerOriginal')));
      const html = arxivHtmlUrl(fileUrl);
      if (html) links.append(h(doc, 'a', { href: html, id: 'arxiv-html-link', rel: 'noreferrer' }, t('arxivHtmlVersion')));
    }

    this.toolbar = h(
      doc,
      'header',
      { class: 'toolbar' },
      h(doc, 'h1', { class: 'sr-only', id: 'doc-title' }, t('viewerTitle')),
      h(
        doc,
        'div',
        { class: 'group', role: 'group', 'aria-label': t('viewerPages') },
        button('prev-page', t('viewerPrevPage'), null, 'P', () => this.goTo(this.current() - 1)),
        h(doc, 'label', { for: 'page-number' }, t('viewerPage')),
        this.pageInput,
        this.pageCount,
        button('next-page', t('viewerNextPage'), null, 'N', () => this.goTo(this.current() + 1)),
      ),
      h(
        doc,
        'div',
        { class: 'group', role: 'group', 'aria-label': t('viewerZoom') },
        button('zoom-out', t('viewerZoomOut'), null, '-', () => this.zoom(-1)),
        this.zoomLevel,
        button('zoom-in', t('viewerZoomIn'), null, '+', () => this.zoom(1)),
        button('fit-width', t('viewerFitWidth'), t('viewerFitWidth'), 'W', () => this.fit()),
      ),
      h(
        doc,
        'div',
        { class: 'group find', role: 'search' },
        h(doc, 'label', { for: 'find', class: 'sr-only' }, t('viewerFind')),
        this.findInput,
        button('find-prev', t('viewerFindPrev'), null, 'Shift+Enter', () => this.findStep(-1)),
        button('find-next', t('viewerFindNext'), null, 'Enter', () => this.findStep(1)),
        this.findStatus,
      ),
      links,
    );
    this.container = h(doc, 'div', { id: 'pages', class: 'pages' });
    root.replaceChildren(this.toolbar, h(doc, 'main', { id: 'viewer', 'aria-labelledby': 'doc-title' }, this.container), this.status);
    this.setControlsEnabled(false);

    doc.addEventListener('keydown', (e) => this.onKey(e));
    // While a selection is dragged, the text layer's end-of-content box covers the page so the
    // selection does not jump to the end of the text in gaps between lines.
    doc.addEventListener('pointerdown', (e) => (e.target as Element | null)?.closest?.('.textLayer')?.classList.add('selecting'));
    doc.addEventListener('pointerup', () => {
      for (const l of doc.querySelectorAll('.textLayer.selecting')) l.classList.remove('selecting');
    });
    let ticking = false;
    doc.defaultView!.addEventListener('scroll', () => {
      if (ticking) return;
      ticking = true;
      doc.defaultView!.requestAnimationFrame(() => {
        ticking = false;
        this.syncPage();
      });
    });
    doc.defaultView!.addEventListener('resize', () => {
      if (this.zoomMode !== 'fixed' && this.pages) this.setScale(this.fitScale());
    });
  }

  /** Open `url` (already checked to be http, https or file); `raw` is what the query said. */
  async open(url: string | null, raw: string | null = url): Promise<void> {
    if (!url) return this.fail({ kind: raw ? 'unsupported' : 'no-file' }, null);
    const fetched = await fetchPdf(url, this.d.doc.defaultView as Window & typeof globalThis);
    if (!fetched.ok) return this.fail(fetched.failure, url);
    try {
      // No scripting, no XFA forms, no font or colour-profile downloads: the bytes only.
      this.pdf = await getDocument({ data: fetched.bytes, enableXfa: false, stopAtErrors: false, useSystemFonts: true }).promise;
    } catch (err) {
      return this.fail(classifyParseFailure(err), url);
    }
    const { t, doc } = this.d;
    const title = await this.pdf
      .getMetadata()
      .then((m) => (m.info as { Title?: unknown } | null)?.Title)
      .catch(() => undefined);
    const name = typeof title === 'string' && title.trim() ? title.trim() : fileName(url);
    doc.title = t('viewerDocTitle', name);
    doc.getElementById('doc-title')!.textContent = name;
    this.pages = await PdfPages.create({
      doc,
      pdf: this.pdf,
      container: this.container,
      scale: this.fitScale(),
      pageLabel: (n, total) => t('viewerPageLabel', n, total),
      onError: (n, err) => console.warn(`PDF viewer: page ${n}:`, err),
    });
    this.finder = new TextFinder(doc, this.container);
    this.pageCount.textContent = t('viewerPageOf', this.pages.numPages);
    this.setControlsEnabled(true);
    this.showZoom();
    this.syncPage();
    this.d.onReady?.();
  }

  private fail(failure: Failure, url: string | null): void {
    const { doc, t } = this.d;
    this.failure = failure;
    // Nothing to navigate, zoom or search: leave only the links.
    for (const g of this.toolbar.querySelectorAll<HTMLElement>('.group')) g.hidden = true;
    const keys = failureMessageKeys(failure, this.d.firefox);
    doc.title = t('viewerErrorDocTitle');
    doc.getElementById('doc-title')!.textContent = t('viewerErrorDocTitle');
    const detail = url
      ? h(doc, 'p', { class: 'detail' }, t('viewerErrorAddress'), ' ', h(doc, 'a', { href: url, rel: 'noreferrer' }, url))
      : null;
    const status = failure.status ? h(doc, 'p', { class: 'detail' }, t('viewerErrorStatus', failure.status)) : null;
    this.container.replaceChildren(
      h(
        doc,
        'div',
        { class: 'load-error', id: 'load-error', role: 'alert', 'data-kind': failure.kind },
        h(doc, 'h2', {}, t(keys.title)),
        h(doc, 'p', {}, t(keys.hint)),
        status,
        detail,
      ),
    );
    this.d.onFailed?.(failure);
  }

  private setControlsEnabled(on: boolean): void {
    for (const el of this.toolbar.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input')) el.disabled = !on;
  }

  /** Every page's text has been laid out (until then the glossary is still reading). */
  get textComplete(): boolean {
    return !!this.pages?.textComplete;
  }

  private current(): number {
    return this.pages?.currentPage() ?? 1;
  }

  goTo(n: number): void {
    if (!this.pages) return;
    const page = Math.min(Math.max(1, Math.round(Number.isFinite(n) ? n : 1)), this.pages.numPages);
    this.pages.scrollToPage(page);
    this.syncPage(page);
  }

  private syncPage(force?: number): void {
    if (!this.pages) return;
    const n = force ?? this.pages.currentPage();
    if (this.d.doc.activeElement !== this.pageInput || force) this.pageInput.value = String(n);
    if (n !== this.lastPage) {
      this.lastPage = n;
      (this.toolbar.querySelector('#prev-page') as HTMLButtonElement).disabled = n <= 1;
      (this.toolbar.querySelector('#next-page') as HTMLButtonElement).disabled = n >= this.pages.numPages;
    }
  }

  private fitScale(): number {
    const win = this.d.doc.defaultView!;
    const width = this.pages?.pageWidth ?? 612;
    const fit = fitWidthScale(width, this.container.clientWidth || win.innerWidth);
    return this.zoomMode === 'auto' ? Math.min(fit, 1.5) : fit;
  }

  private setScale(scale: number): void {
    if (!this.pages) return;
    const page = this.current();
    const box = this.pages.boxes[page - 1]!.el.getBoundingClientRect();
    // Keep the same point of the current page at the top of the window.
    const fraction = box.height ? -box.top / box.height : 0;
    this.pages.setScale(clampScale(scale));
    const after = this.pages.boxes[page - 1]!.el;
    const win = this.d.doc.defaultView!;
    win.scrollTo({ top: after.offsetTop + fraction * after.offsetHeight, behavior: 'instant' as ScrollBehavior });
    this.showZoom();
  }

  zoom(direction: 1 | -1): void {
    if (!this.pages) return;
    this.zoomMode = 'fixed';
    this.setScale(stepScale(this.pages.scale, direction));
  }

  fit(): void {
    if (!this.pages) return;
    this.zoomMode = 'fit';
    this.setScale(this.fitScale());
  }

  private showZoom(): void {
    if (this.pages) this.zoomLevel.textContent = `${Math.round(this.pages.scale * 100)}%`;
  }

  private async find(): Promise<void> {
    if (!this.finder || !this.pages) return;
    const q = this.findInput.value;
    // Every page's text is searched, including pages not drawn yet.
    await this.pages.ensureAllText();
    if (q !== this.findInput.value) return;
    const state = this.finder.search(q);
    this.showFind(state.total ? this.finder.step(1) : state, q);
  }

  private findStep(direction: 1 | -1): void {
    if (!this.finder) return;
    this.showFind(this.finder.step(direction), this.findInput.value);
  }

  private showFind(s: { total: number; current: number }, q: string): void {
    const { t } = this.d;
    this.findStatus.textContent = !q.trim() ? '' : s.total ? t('viewerFindCount', s.current, s.total) : t('viewerFindNone');
  }

  private onKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement | null;
    const typing = !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
    if (typing || e.altKey || e.ctrlKey || e.metaKey || !this.pages) return;
    const actions: Record<string, () => void> = {
      n: () => this.goTo(this.current() + 1),
      p: () => this.goTo(this.current() - 1),
      ArrowRight: () => this.goTo(this.current() + 1),
      ArrowLeft: () => this.goTo(this.current() - 1),
      '+': () => this.zoom(1),
      '=': () => this.zoom(1),
      '-': () => this.zoom(-1),
      w: () => this.fit(),
      '/': () => this.findInput.focus(),
      g: () => {
        this.pageInput.focus();
        this.pageInput.select();
      },
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }
}

function fileName(url: string): string {
  try {
    const u = new URL(url);
    const last = decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? '');
    return last || u.hostname || url;
  } catch {
    return url;
  }
}
