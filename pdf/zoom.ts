/**
 * Zoom steps for the PDF viewer: the next larger or smaller scale, and the scale that fits a
 * page's width into the window. Cost: arithmetic.
 * Must never: return a scale outside [MIN_SCALE, MAX_SCALE] (a huge canvas can exhaust memory;
 * a tiny one is unreadable).
 */
export const MIN_SCALE = 0.25;
export const MAX_SCALE = 5;
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5];

export const clampScale = (s: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, Number.isFinite(s) ? s : 1));

/** The next step above (direction 1) or below (-1) the current scale. */
export function stepScale(current: number, direction: 1 | -1): number {
  const eps = 1e-3;
  if (direction > 0) return ZOOM_STEPS.find((s) => s > current + eps) ?? MAX_SCALE;
  return [...ZOOM_STEPS].reverse().find((s) => s < current - eps) ?? MIN_SCALE;
}

/**
 * The scale at which a page `pageWidthPt` points wide (at scale 1, 1pt = 1 CSS px in pdf.js)
 * fills `availablePx`, leaving `marginPx` on each side.
 */
export function fitWidthScale(pageWidthPt: number, availablePx: number, marginPx = 16): number {
  if (!(pageWidthPt > 0) || !(availablePx > 0)) return 1;
  return clampScale((availablePx - 2 * marginPx) / pageWidthPt);
}
