/**
 * Painter: shows matches with the CSS Custom Highlight API, so the page's DOM is never touched.
 *
 * What it does: owns one `Highlight` registered as `alignment-glossary` in `CSS.highlights`, and
 * replaces its ranges when the set to paint changes. The look lives in the content script's
 * stylesheet (`::highlight(alignment-glossary)`), injected by the browser, not by us, so strict
 * page CSPs cannot block it.
 * Cost: one Highlight; adding a Range is O(1); the browser repaints only the affected lines.
 * Must never: insert, wrap or split page nodes; it only hands Ranges to the browser.
 */
export const HIGHLIGHT_NAME = 'alignment-glossary';

export interface Painter {
  readonly supported: boolean;
  paint(ranges: Iterable<Range>): void;
  clear(): void;
}

export function createPainter(win: Window & typeof globalThis = window): Painter {
  const registry = win.CSS?.highlights;
  const HighlightCtor = (win as unknown as { Highlight?: typeof Highlight }).Highlight;
  if (!registry || !HighlightCtor) {
    return { supported: false, paint() {}, clear() {} };
  }
  const highlight = new HighlightCtor();
  let registered = false;
  return {
    supported: true,
    paint(ranges) {
      highlight.clear();
      for (const r of ranges) highlight.add(r);
      if (!registered) {
        registry.set(HIGHLIGHT_NAME, highlight);
        registered = true;
      }
    },
    clear() {
      highlight.clear();
      if (registered) registry.delete(HIGHLIGHT_NAME);
      registered = false;
    },
  };
}
