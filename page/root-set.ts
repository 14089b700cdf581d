/**
 * Sets of scan roots (subtrees of the page), kept so that no text is under two of them.
 *
 * What it does: `withRoot` adds a root to a queue unless a queued root already holds it, and
 * lets queued roots inside it give way; `outermost` keeps only the roots no other one holds.
 * Shared by the mutation batcher, the light page and the page scanner.
 * Cost: O(n) `contains` calls per root added; O(n²) for `outermost` (batches are small, and
 * past a few hundred roots the batcher asks for one full rescan instead).
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
