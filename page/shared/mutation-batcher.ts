/**
 * Mutation batcher: DOM mutations -> the fewest subtrees to rescan, after a quiet `delayMs` (at
 * most `maxWaitMs` after the first change), or one full rescan past `fullRescanAt` roots.
 * Cost: O(records) per batch; no DOM reads but `contains`, `isConnected` and tag names.
 * Must never: react to the extension's own UI, or call back more than once per batch.
 */
import { blockContainerOf, isInlineElement, OWN_UI_TAG } from './text-walker';
import { outermost } from './root-set';

export interface MutationBatch {
  /** Subtrees to rescan (disjoint). Empty when only removals happened. */
  roots: Node[];
  /** Some nodes were removed or changed: prune matches that are gone. */
  removals: boolean;
  /** Where nodes were removed (their former parents, still in the page). */
  removedFrom: Node[];
  /** Too much changed: rescan everything. */
  full: boolean;
}

export interface BatcherOptions {
  delayMs?: number;
  maxWaitMs?: number;
  fullRescanAt?: number;
}

export class MutationBatcher {
  private observer: MutationObserver;
  private roots = new Set<Node>();
  private removals = false;
  private removedFrom = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstAt = 0;
  private readonly delayMs: number;
  private readonly maxWaitMs: number;
  private readonly fullRescanAt: number;

  constructor(
    private readonly target: Node,
    private readonly onBatch: (batch: MutationBatch) => void,
    options: BatcherOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 120;
    this.maxWaitMs = options.maxWaitMs ?? 600;
    this.fullRescanAt = options.fullRescanAt ?? 400;
    this.observer = new MutationObserver((records) => this.collect(records));
  }

  start(): void {
    this.observe(this.target);
  }

  /** Also watch another tree (an open shadow root: document observers do not see inside). */
  observe(node: Node): void {
    this.observer.observe(node, { childList: true, subtree: true, characterData: true });
  }

  stop(): void {
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.roots.clear();
    this.removals = false;
    this.removedFrom.clear();
  }

  /**
   * Stop watching and return the roots of the changes not delivered yet, outermost only (the
   * light page hands them to the full page's own batcher, see light-page.ts).
   */
  drain(): Node[] {
    this.collect(this.observer.takeRecords());
    const pending = [...this.roots].filter((n) => n.isConnected);
    this.stop();
    return outermost(pending);
  }

  private collect(records: MutationRecord[]): void {
    for (const r of records) {
      if (isOwnUi(r.target)) continue;
      if (r.type === 'characterData') {
        this.removals = true;
        const block = blockContainerOf(r.target);
        if (block) this.roots.add(block);
        continue;
      }
      if (r.removedNodes.length) {
        this.removals = true;
        this.removedFrom.add(r.target);
      }
      r.addedNodes.forEach((n) => {
        if (isOwnUi(n)) return;
        if (n.nodeType === Node.ELEMENT_NODE && !isInlineElement(n as Element)) this.roots.add(n);
        else if (n.nodeType === Node.ELEMENT_NODE || n.nodeType === Node.TEXT_NODE) {
          // Inline content joins the phrases of its block: rescan the block.
          this.removals = true;
          const block = blockContainerOf(r.target);
          if (block) this.roots.add(block);
        }
      });
    }
    if (this.roots.size === 0 && !this.removals) return;
    const now = performance.now();
    if (this.timer === undefined) this.firstAt = now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.delayMs, this.firstAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Whether changes are waiting to be delivered (records not yet handed over count too). */
  get pending(): boolean {
    // Only new records may set the timer again: asking often must not keep putting it off.
    const records = this.observer.takeRecords();
    if (records.length) this.collect(records);
    return this.timer !== undefined;
  }

  /** Deliver the pending batch now (also used by tests). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const pending = [...this.roots].filter((n) => n.isConnected);
    const removals = this.removals;
    const removedFrom = [...this.removedFrom].filter((n) => n.isConnected);
    this.roots.clear();
    this.removals = false;
    this.removedFrom.clear();
    if (pending.length === 0 && !removals) return;
    if (pending.length > this.fullRescanAt) {
      this.onBatch({ roots: [], removals: true, removedFrom, full: true });
      return;
    }
    // A root inside another is scanned with it.
    this.onBatch({ roots: outermost(pending), removals, removedFrom, full: false });
  }
}

function isOwnUi(n: Node): boolean {
  const el = n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement;
  return !!el && (el.tagName.toUpperCase() === OWN_UI_TAG || !!el.closest?.(OWN_UI_TAG.toLowerCase()));
}
