/**
 * Binary search in an ascending list of numbers (offsets), shared by the background's snapshot
 * matcher and the page's snapshot reader.
 *
 * Cost: O(log n). Must never: be given a list that does not start at or below `x`.
 */

/** Index of the last value <= x in an ascending list whose first value is <= x. */
export function lastAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
