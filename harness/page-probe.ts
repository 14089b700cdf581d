/**
 * Page probes for end-to-end tests, run in the page's own world (no extension privileges): what
 * the reader would see. The highlight registry is shared with the page, so tests can find the
 * painted ranges and their positions the way a pointer would.
 */
export const HIGHLIGHT_PREFIX = 'alignment-glossary-';

/** Evaluated in the page: painted ranges with their text and the centre of their first box. */
export function paintedRangesScript(prefix: string) {
  const out: { text: string; x: number; y: number }[] = [];
  for (const [name, hl] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
    if (!name.startsWith(prefix)) continue;
    for (const r of hl) {
      const box = r.getClientRects()[0];
      if (box) out.push({ text: r.toString(), x: box.left + box.width / 2, y: box.top + box.height / 2 });
    }
  }
  return out;
}

/** Evaluated in the page: element counts (whole document, and inside body). */
export function elementCountsScript() {
  return { all: document.getElementsByTagName('*').length, body: document.body.getElementsByTagName('*').length };
}

/** Evaluated in the page: the open tooltip's visible text, or null. */
export function tooltipTextScript() {
  const host = document.querySelector('alignment-glossary-ui');
  const box = host?.shadowRoot?.querySelector('.tippy-box');
  if (!box || (box.parentElement as HTMLElement | null)?.style.visibility === 'hidden') return null;
  return box.querySelector('.card')?.textContent ?? null;
}

/**
 * Evaluated in the page: the open card's box and the boxes of the painted range nearest the
 * point (the hovered term), in viewport coordinates; null while no card is shown.
 */
export function cardAndTermBoxesScript(args: { prefix: string; x: number; y: number }) {
  const host = document.querySelector('alignment-glossary-ui');
  const box = host?.shadowRoot?.querySelector('.tippy-box');
  if (!box || (box.parentElement as HTMLElement | null)?.style.visibility === 'hidden') return null;
  const plain = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  let term: { left: number; top: number; right: number; bottom: number }[] = [];
  let best = Infinity;
  for (const [name, hl] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
    if (!name.startsWith(args.prefix)) continue;
    for (const r of hl)
      for (const b of r.getClientRects()) {
        const d = Math.hypot(b.left + b.width / 2 - args.x, b.top + b.height / 2 - args.y);
        if (d < best) {
          best = d;
          term = [...r.getClientRects()].map(plain);
        }
      }
  }
  return { card: plain(box.getBoundingClientRect()), term, window: { width: innerWidth, height: innerHeight } };
}

/** Evaluated in the page: scroll a painted range with the given text into view. */
export function scrollToRangeScript(args: { prefix: string; text: string }) {
  for (const [name, hl] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
    if (!name.startsWith(args.prefix)) continue;
    for (const r of hl) {
      if (r.toString().toLowerCase() === args.text.toLowerCase()) {
        r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        return true;
      }
    }
  }
  return false;
}

/** Evaluated in the page: each painted range's text, and whether it lies in the page's <article>. */
export function paintedPlacesScript(prefix: string) {
  const out: { text: string; inArticle: boolean }[] = [];
  for (const [name, hl] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
    if (!name.startsWith(prefix)) continue;
    for (const r of hl) out.push({ text: r.toString(), inArticle: !!r.startContainer.parentElement?.closest('article') });
  }
  return out;
}

/** Evaluated in the page: [highlight name, text] of every range painted under the prefix. */
export function paintedByNameScript(prefix: string) {
  const out: [string, string][] = [];
  for (const [name, hl] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights)
    if (name.startsWith(prefix)) for (const r of hl) out.push([name, r.toString()]);
  return out;
}

/**
 * Evaluated in the page: the centre of the first painted range reading `text` (scrolled into view
 * first when `scroll`), in viewport coordinates; null when no painted range reads so.
 */
export function paintedCentreScript(args: { prefix: string; text: string; scroll?: boolean }) {
  for (const [name, hl] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
    if (!name.startsWith(args.prefix)) continue;
    for (const r of hl)
      if (r.toString() === args.text) {
        if (args.scroll) r.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
        const b = r.getClientRects()[0]!;
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
  }
  return null;
}
