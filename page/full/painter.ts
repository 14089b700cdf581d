/**
 * Painter: shows matches with the CSS Custom Highlight API (one `Highlight` each for glossary
 * terms, the page's own terms and known terms, styled by the manifest's stylesheet), so the DOM is never touched
 * and strict page CSPs cannot block it. Cost: adding a Range is O(1); the browser repaints only
 * the affected lines. Must never: insert, wrap or split page nodes; it only hands Ranges over.
 */
import type { HighlightStyle } from '../../settings/settings';

export const HIGHLIGHT_PREFIX = 'alignment-glossary-';
/** Terms the page defines itself take this after the prefix, then the style. */
export const PAGE_TERM_INFIX = 'page-';
/** Terms the reader marked as known take this after the prefix, then the style. */
export const KNOWN_INFIX = 'known-';
/** A place shown for a moment ("Go to definition"). */
export const FLASH_HIGHLIGHT = `${HIGHLIGHT_PREFIX}flash`;

export interface Painter {
  readonly supported: boolean;
  /** `own`: ranges of terms the page defines itself; `known`: of terms the reader knows; each in its own style. */
  paint(ranges: Iterable<Range>, own?: Iterable<Range>, known?: Iterable<Range>): void;
  setStyle(style: HighlightStyle): void;
  clear(): void;
}

/** One registered Highlight under a name that follows the style. */
function layer(registry: HighlightRegistry, highlight: Highlight, nameOf: () => string) {
  let name: string | null = null;
  const register = () => {
    const wanted = nameOf();
    if (name === wanted) return;
    if (name && registry.get(name) === highlight) registry.delete(name);
    registry.set(wanted, highlight);
    name = wanted;
  };
  return {
    set(ranges: Iterable<Range>) {
      highlight.clear();
      for (const r of ranges) highlight.add(r);
      // A page without terms never gets a registration (nor the style work it starts).
      if (highlight.size > 0 || name) register();
    },
    restyle() {
      if (name) register();
    },
    clear() {
      highlight.clear();
      // Only our own registration: a newer copy of the content script (re-injected after an
      // update) may have registered the same name since.
      if (name && registry.get(name) === highlight) registry.delete(name);
      name = null;
    },
  };
}

export function createPainter(win: Window & typeof globalThis, style: HighlightStyle = 'underline-tint'): Painter {
  const registry = win.CSS?.highlights;
  const HighlightCtor = (win as unknown as { Highlight?: typeof Highlight }).Highlight;
  if (!registry || !HighlightCtor) {
    return { supported: false, paint() {}, setStyle() {}, clear() {} };
  }
  const glossary = layer(registry, new HighlightCtor(), () => HIGHLIGHT_PREFIX + style);
  const page = layer(registry, new HighlightCtor(), () => HIGHLIGHT_PREFIX + PAGE_TERM_INFIX + style);
  const known = layer(registry, new HighlightCtor(), () => HIGHLIGHT_PREFIX + KNOWN_INFIX + style);
  const layers = [glossary, page, known];
  return {
    supported: true,
    paint(ranges, own = [], knownRanges = []) {
      glossary.set(ranges);
      page.set(own);
      known.set(knownRanges);
    },
    setStyle(next) {
      style = next;
      for (const l of layers) l.restyle();
    },
    clear() {
      for (const l of layers) l.clear();
    },
  };
}

/** Show a range for a moment (the definition "Go to definition" scrolled to). */
export function flash(win: Window & typeof globalThis, range: Range, ms = 1800): void {
  const registry = win.CSS?.highlights;
  const HighlightCtor = (win as unknown as { Highlight?: typeof Highlight }).Highlight;
  if (!registry || !HighlightCtor) return;
  const h = new HighlightCtor(range);
  registry.set(FLASH_HIGHLIGHT, h);
  win.setTimeout(() => {
    if (registry.get(FLASH_HIGHLIGHT) === h) registry.delete(FLASH_HIGHLIGHT);
  }, ms);
}
