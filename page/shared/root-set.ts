/**
 * Sets of scan roots kept so that no text is under two of them (`withRoot`, `outermost`), for the
 * mutation batcher, the light page and the page scanner.
 * Cost: O(n) `contains` per root added; O(n²) for `outermost` (batches stay small).
 * Must never: drop a root that no kept root holds.
 */

/** `queue` with `root` in it: unchanged when a queued root holds it; queued roots inside it give way. */
export function withRoot(queue: Node[], root: Node): Node[] {
  if (queue.some((q) => q === root || q.contains(root))) return queue;
  const out = queue.filter((q) => !root.contains(q));
  out.push(root);
  return out;
}

/** The roots no other root in `nodes` holds. */
export function outermost(nodes: readonly Node[]): Node[] {
  return nodes.filter((n) => !nodes.some((o) => o !== n && o.contains(n)));
}
