/**
 * Painter: shows matches with the CSS Custom Highlight API (one `Highlight`, styled by the
 * manifest's stylesheet), so the DOM is never touched and strict page CSPs cannot block it.
 * Cost: one Highlight; adding a Range is O(1); the browser repaints only the affected lines.
 * Must never: insert, wrap or split page nodes; it only hands Ranges to the browser.
 */
import type { HighlightStyle } from '../../settings/settings';

export const HIGHLIGHT_PREFIX = 'alignment-glossary-';

export interface Painter {
  readonly supported: boolean;
  paint(ranges: Iterable<Range>): void;
  setStyle(style: HighlightStyle): void;
  clear(): void;
}

export function createPainter(win: Window & typeof globalThis, style: HighlightStyle = 'underline-tint'): Painter {
  const registry = win.CSS?.highlights;
  const HighlightCtor = (win as unknown as { Highlight?: typeof Highlight }).Highlight;
  if (!registry || !HighlightCtor) {
    return { supported: false, paint() {}, setStyle() {}, clear() {} };
  }
  const highlight = new HighlightCtor();
  let name: string | null = null;
  const register = () => {
    const wanted = HIGHLIGHT_PREFIX + style;
    if (name === wanted) return;
    if (name && registry.get(name) === highlight) registry.delete(name);
    registry.set(wanted, highlight);
    name = wanted;
  };
  return {
    supported: true,
    paint(ranges) {
      highlight.clear();
      for (const r of ranges) highlight.add(r);
      // A page without terms never gets a registration (nor the style work it starts).
      if (highlight.size > 0 || name) register();
    },
    setStyle(next) {
      style = next;
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
