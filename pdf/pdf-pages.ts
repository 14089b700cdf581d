/**
 * PDF pages: a box per page, a canvas drawn only near the viewport (at most MAX_CANVASES), and a
 * text layer for every page, visible ones first; zooming moves one CSS variable and redraws only
 * on-screen canvases. Cost: width x height x 4 x devicePixelRatio² bytes per drawn canvas.
 * Must never: draw all pages up front (big papers must open fast), or add text not as text nodes.
 */
import { TextLayer, type PDFDocumentProxy, type PDFPageProxy, type RenderTask } from 'pdfjs-dist';

const MAX_CANVASES = 8;

interface PageBox {
  n: number;
  el: HTMLElement;
  /** Size at scale 1 (CSS px); the first page's size until the page itself is loaded. */
  width: number;
  height: number;
  page: PDFPageProxy | null;
  canvas: HTMLCanvasElement | null;
  renderTask: RenderTask | null;
  /** Scale the canvas was drawn at. */
  drawnScale: number;
  text: Promise<void> | null;
  visible: boolean;
}

export interface PdfPagesOptions {
  doc: Document;
  pdf: PDFDocumentProxy;
  container: HTMLElement;
  scale: number;
  /** Accessible name of a page's region ("Page 3 of 12"). */
  pageLabel(n: number, total: number): string;
  /** Reported when a page's text layer fails; the page stays, without text. */
  onError?(n: number, err: unknown): void;
}

export class PdfPages {
  readonly boxes: PageBox[] = [];
  private observer: IntersectionObserver;
  private drawn: PageBox[] = [];
  private destroyed = false;
  scale: number;
  private allText: Promise<void> | null = null;
  /** Pages whose text layer is built (or failed): the document is fully read at numPages. */
  textDone = 0;

  private constructor(
    private readonly o: PdfPagesOptions,
    first: { width: number; height: number },
  ) {
    this.scale = o.scale;
    const { doc, pdf, container } = o;
    const win = doc.defaultView!;
    for (let n = 1; n <= pdf.numPages; n++) {
      const el = doc.createElement('div');
      el.className = 'page';
      el.dataset.page = String(n);
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', o.pageLabel(n, pdf.numPages));
      this.boxes.push({
        n,
        el,
        width: first.width,
        height: first.height,
        page: null,
        canvas: null,
        renderTask: null,
        drawnScale: 0,
        text: null,
        visible: false,
      });
    }
    container.replaceChildren(...this.boxes.map((b) => b.el));
    this.applyScale();
    this.observer = new win.IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: '100% 0px' });
    for (const b of this.boxes) this.observer.observe(b.el);
  }

  static async create(o: PdfPagesOptions): Promise<PdfPages> {
    const page1 = await o.pdf.getPage(1);
    const vp = page1.getViewport({ scale: 1 });
    const pages = new PdfPages(o, { width: vp.width, height: vp.height });
    pages.boxes[0]!.page = page1;
    return pages;
  }

  get numPages(): number {
    return this.boxes.length;
  }

  /** Width of the widest known page at scale 1 (for "fit width"). */
  get pageWidth(): number {
    return Math.max(...this.boxes.map((b) => b.width));
  }

  setScale(scale: number): void {
    if (scale === this.scale) return;
    this.scale = scale;
    this.applyScale();
    for (const b of this.boxes) if (b.visible) void this.draw(b);
  }

  private applyScale(): void {
    this.o.container.style.setProperty('--scale-factor', String(this.scale));
    for (const b of this.boxes) this.size(b);
  }

  private size(b: PageBox): void {
    b.el.style.width = `${Math.floor(b.width * this.scale)}px`;
    b.el.style.height = `${Math.floor(b.height * this.scale)}px`;
  }

  private async pageOf(b: PageBox): Promise<PDFPageProxy> {
    if (!b.page) {
      b.page = await this.o.pdf.getPage(b.n);
      const vp = b.page.getViewport({ scale: 1 });
      if (vp.width !== b.width || vp.height !== b.height) {
        b.width = vp.width;
        b.height = vp.height;
        this.size(b);
      }
    }
    return b.page;
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const b = this.boxes[Number((e.target as HTMLElement).dataset.page) - 1];
      if (!b) continue;
      b.visible = e.isIntersecting;
      if (b.visible) {
        void this.draw(b);
        void this.ensureText(b.n);
      }
    }
    // Once the first screen is drawn, build the remaining text layers in the background.
    this.allText ??= new Promise<void>((r) => setTimeout(r, 300)).then(() => this.ensureAllText());
  }

  /** Draw a page's canvas at the current scale (again, if it was drawn at another). */
  private async draw(b: PageBox): Promise<void> {
    if (this.destroyed || (b.canvas && b.drawnScale === this.scale && !b.renderTask)) return;
    const scale = this.scale;
    const page = await this.pageOf(b);
    if (this.destroyed || scale !== this.scale || !b.visible) return;
    b.renderTask?.cancel();
    const win = this.o.doc.defaultView!;
    const dpr = Math.min(win.devicePixelRatio || 1, 2);
    const viewport = page.getViewport({ scale });
    const canvas = this.o.doc.createElement('canvas');
    canvas.width = Math.floor(viewport.width * dpr);
    canvas.height = Math.floor(viewport.height * dpr);
    canvas.setAttribute('aria-hidden', 'true');
    const task = page.render({ canvas, viewport, transform: dpr !== 1 ? [dpr, 0, 0, dpr, 0, 0] : undefined });
    b.renderTask = task;
    try {
      await task.promise;
    } catch (err) {
      if ((err as { name?: string }).name !== 'RenderingCancelledException') this.o.onError?.(b.n, err);
      return;
    } finally {
      if (b.renderTask === task) b.renderTask = null;
    }
    if (this.destroyed) return;
    // Swap in the finished canvas (no blank flash while zooming).
    if (b.canvas) b.canvas.replaceWith(canvas);
    else b.el.prepend(canvas);
    b.canvas = canvas;
    b.drawnScale = scale;
    this.drawn = [...this.drawn.filter((d) => d !== b), b];
    this.release();
  }

  /** Keep at most MAX_CANVASES canvases: drop the oldest of those off screen. */
  private release(): void {
    while (this.drawn.length > MAX_CANVASES) {
      const victim = this.drawn.find((d) => !d.visible);
      if (!victim) return;
      victim.canvas?.remove();
      if (victim.canvas) victim.canvas.width = victim.canvas.height = 0;
      victim.canvas = null;
      victim.drawnScale = 0;
      this.drawn = this.drawn.filter((d) => d !== victim);
    }
  }

  /** Build page n's text layer once. */
  ensureText(n: number): Promise<void> {
    const b = this.boxes[n - 1];
    if (!b) return Promise.resolve();
    b.text ??= (async () => {
      const page = await this.pageOf(b);
      if (this.destroyed) return;
      const layer = this.o.doc.createElement('div');
      layer.className = 'textLayer';
      const textLayer = new TextLayer({
        textContentSource: page.streamTextContent(),
        container: layer,
        viewport: page.getViewport({ scale: 1 }),
      });
      try {
        await textLayer.render();
      } catch (err) {
        this.textDone++;
        this.o.onError?.(n, err);
        return;
      }
      // pdf.js ends each line with a <br>, which would end every phrase at the line's end; a line
      // feed reads as the reader reads it: "Scalable" / "oversight" is one phrase, "mis-" /
      // "generalization" one word (matching/char-rules.ts). In a span of the layer's own style
      // (absolute, no font size) it takes no room, and a copied selection keeps the line break.
      for (const br of layer.querySelectorAll('br')) {
        const eol = this.o.doc.createElement('span');
        eol.className = 'eol';
        eol.textContent = '\n';
        br.replaceWith(eol);
      }
      // Selecting across gaps between spans: see `.endOfContent` in the viewer's style.
      const end = this.o.doc.createElement('div');
      end.className = 'endOfContent';
      layer.append(end);
      // One insertion per page: the glossary's mutation observer scans it as one added root.
      if (!this.destroyed) b.el.append(layer);
      // Counted once in the page: whoever asks "is all text there?" can then look for it.
      this.textDone++;
    })();
    return b.text;
  }

  /** Build every text layer (find and "On this page" cover the whole document). */
  async ensureAllText(): Promise<void> {
    for (const b of this.boxes) {
      if (this.destroyed) return;
      await this.ensureText(b.n);
    }
  }

  /** Whether every page's text layer is built (find and the glossary have the whole text). */
  get textComplete(): boolean {
    return this.textDone >= this.boxes.length;
  }

  /** The page whose box holds the middle of the window, counted from 1. */
  currentPage(): number {
    const win = this.o.doc.defaultView!;
    const mid = win.innerHeight / 2;
    let best = 1;
    for (const b of this.boxes) {
      const r = b.el.getBoundingClientRect();
      if (r.top <= mid) best = b.n;
      else break;
    }
    return best;
  }

  scrollToPage(n: number): void {
    const b = this.boxes[Math.min(Math.max(1, Math.round(n)), this.boxes.length) - 1];
    b?.el.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
  }

  destroy(): void {
    this.destroyed = true;
    this.observer.disconnect();
    for (const b of this.boxes) b.renderTask?.cancel();
  }
}
