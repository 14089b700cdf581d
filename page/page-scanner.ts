/**
 * Page scanner: runs the text walker and the matcher over DOM subtrees in time-boxed slices and
 * feeds the term index.
 *
 * What it does: queues roots (the body at start, changed subtrees later), walks each in slices of
 * at most `sliceMs`, turns every match into a live Range, tells the index, and calls `onUpdate`
 * after each slice that changed what is painted. Accounts its own main-thread time in `scanMs`.
 * Cost: proportional to the text under the queued roots; yields to the page between slices so no
 * task of ours exceeds `sliceMs` by more than one block.
 * Must never: scan the same root twice concurrently, or leave `status` at 'scanning' when idle.
 */
import { KEYWORD, terminalEntry, terminalGated, type CompiledMatcher } from '../matching/compiled';
import { findMatches, type TextMatch } from '../matching/find-matches';
import { PageMatch, TermIndex } from './term-index';
import { TextWalker, locate, type TextBlock } from './text-walker';
import { yieldToPage } from './yield-to-page';

export interface ScannerOptions {
  sliceMs?: number;
  now?: () => number;
  isVisible?: (el: Element) => boolean;
}

export class PageScanner {
  status: 'scanning' | 'done' = 'done';
  scanMs = 0;
  scannedChars = 0;
  private queue: Node[] = [];
  /** True from the start of run() until its loop exits; cleared in the same tick (see run). */
  private active = false;
  private done: Promise<void> = Promise.resolve();
  private seq = 0;
  private readonly sliceMs: number;
  private readonly now: () => number;
  private stopped = false;
  private matchBuf: TextMatch[] = [];

  constructor(
    private readonly matcher: CompiledMatcher,
    private readonly index: TermIndex,
    private readonly onUpdate: () => void,
    private readonly options: ScannerOptions = {},
  ) {
    this.sliceMs = options.sliceMs ?? 8;
    this.now = options.now ?? (() => performance.now());
  }

  /** Queue a subtree for scanning; resolves when the queue is empty. */
  scan(root: Node): Promise<void> {
    this.stopped = false;
    if (!this.queue.some((q) => q === root || q.contains(root))) {
      this.queue = this.queue.filter((q) => !root.contains(q));
      this.queue.push(root);
    }
    this.status = 'scanning';
    if (!this.active) {
      this.active = true;
      this.done = this.run();
    }
    return this.done;
  }

  /** Forget queued work (the page is being turned off). */
  stop(): void {
    this.stopped = true;
    this.queue = [];
    this.status = 'done';
  }

  /** Add the time of work done outside a slice (painting, pruning) to `scanMs`. */
  account<T>(fn: () => T): T {
    const t0 = this.now();
    try {
      return fn();
    } finally {
      this.scanMs += this.now() - t0;
    }
  }

  private async run(): Promise<void> {
    // The loop sits directly in try: `finally` then runs in the same tick as the loop's last
    // queue check, so a scan() queued by a microtask after it starts a new run rather than
    // waiting on this one, which has already finished.
    try {
      while (this.queue.length && !this.stopped) {
        const root = this.queue.shift()!;
        if (!root.isConnected) continue;
        const walker = new TextWalker(root, { isVisible: this.options.isVisible });
        let sliceStart = this.now();
        let changed = false;
        for (;;) {
          const block = walker.next();
          if (!block) break;
          changed = this.scanBlock(block, walker) || changed;
          const elapsed = this.now() - sliceStart;
          if (elapsed >= this.sliceMs) {
            this.scanMs += elapsed;
            if (changed) this.account(this.onUpdate);
            changed = false;
            await yieldToPage();
            if (this.stopped) return;
            sliceStart = this.now();
          }
        }
        this.scannedChars += walker.scannedChars;
        this.scanMs += this.now() - sliceStart;
        this.index.releaseGated();
        if (changed || this.queue.length === 0) this.account(this.onUpdate);
      }
    } finally {
      this.active = false;
      if (!this.stopped && this.queue.length === 0) this.status = 'done';
    }
  }

  /** Match one block; returns whether anything was added. */
  private scanBlock(block: TextBlock, walker: TextWalker): boolean {
    const matches = findMatches(this.matcher, block.text, (this.matchBuf.length = 0, this.matchBuf));
    // Text that is not rendered (collapsed menus, display:none) is not read, so not counted.
    if (matches.length === 0 || !walker.visible(block)) return false;
    let added = false;
    for (const m of matches) {
      if (m.terminal === KEYWORD) {
        this.index.gate.addKeyword();
        continue;
      }
      const [sn, so] = locate(block, m.start, false);
      const [en, eo] = locate(block, m.end, true);
      const nodes = sn === en ? [sn] : block.nodes.slice(block.nodes.indexOf(sn), block.nodes.indexOf(en) + 1);
      const match = new PageMatch(terminalEntry(m.terminal), block.text.slice(m.start, m.end), nodes, so, eo, this.seq++);
      this.index.add(match, terminalGated(m.terminal));
      added = true;
    }
    return added;
  }
}
