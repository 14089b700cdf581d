/**
 * Find in the PDF: searches every page's text layer, paints all hits and the current one as CSS
 * highlights (Ranges), and steps through them. Cost: one pass over the text layers per new query;
 * stepping is constant time. Must never: change the text layer's DOM, or use the glossary's
 * highlight names.
 */
import { findAll } from './find-text';

export const FIND_HIGHLIGHT = 'pdf-viewer-find';
export const FIND_CURRENT_HIGHLIGHT = 'pdf-viewer-find-current';

export interface FindState {
  total: number;
  /** 1-based, 0 when there are no hits. */
  current: number;
  page: number | null;
}

interface Hit {
  range: Range;
  page: number;
}

export class TextFinder {
  private hits: Hit[] = [];
  private index = -1;
  private query = '';

  constructor(
    private readonly doc: Document,
    private readonly root: HTMLElement,
  ) {}

  search(query: string): FindState {
    this.query = query;
    this.hits = [];
    this.index = -1;
    if (query.trim()) {
      for (const layer of this.root.querySelectorAll<HTMLElement>('.page > .textLayer')) {
        const page = Number(layer.parentElement?.dataset.page ?? 0);
        const nodes: Text[] = [];
        const starts: number[] = [];
        let text = '';
        const walker = this.doc.createTreeWalker(layer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.nodeType === Node.ELEMENT_NODE) {
            if ((n as Element).tagName === 'BR') text += '\n';
            continue;
          }
          nodes.push(n as Text);
          starts.push(text.length);
          text += (n as Text).data;
        }
        for (const [s, e] of findAll(text, query)) {
          const range = this.doc.createRange();
          const [sn, so] = locate(nodes, starts, s, false);
          const [en, eo] = locate(nodes, starts, e, true);
          if (!sn || !en) continue;
          range.setStart(sn, so);
          range.setEnd(en, eo);
          this.hits.push({ range, page });
        }
      }
    }
    this.paint();
    return this.state();
  }

  /** Search again if the text changed under the same query (more text layers built). */
  refresh(): FindState {
    const current = this.index;
    const s = this.search(this.query);
    if (current >= 0 && this.hits.length) this.index = Math.min(current, this.hits.length - 1);
    this.paint();
    return this.hits.length ? this.state() : s;
  }

  /** Move to the next (1) or previous (-1) hit, scroll to it and return where we are. */
  step(direction: 1 | -1): FindState {
    if (!this.hits.length) return this.state();
    this.index = (this.index + direction + this.hits.length) % this.hits.length;
    this.paint();
    const hit = this.hits[this.index]!;
    const el = hit.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
    return this.state();
  }

  clear(): void {
    this.query = '';
    this.hits = [];
    this.index = -1;
    this.paint();
  }

  private state(): FindState {
    return { total: this.hits.length, current: this.index + 1, page: this.hits[this.index]?.page ?? null };
  }

  private paint(): void {
    const registry = (this.doc.defaultView as (Window & typeof globalThis) | null)?.CSS?.highlights;
    const HighlightCtor = (this.doc.defaultView as unknown as { Highlight?: typeof Highlight } | null)?.Highlight;
    if (!registry || !HighlightCtor) return;
    const current = this.hits[this.index];
    registry.set(FIND_HIGHLIGHT, new HighlightCtor(...this.hits.filter((h) => h !== current).map((h) => h.range)));
    registry.set(FIND_CURRENT_HIGHLIGHT, new HighlightCtor(...(current ? [current.range] : [])));
  }
}

/** The text node and offset at a position in the joined text (end positions stay in the node). */
function locate(nodes: Text[], starts: number[], pos: number, isEnd: boolean): [Text | undefined, number] {
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! < pos || (!isEnd && starts[mid] === pos)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  if (!node) return [undefined, 0];
  return [node, Math.min(node.data.length, Math.max(0, pos - starts[lo]!))];
}
