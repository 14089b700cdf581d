/**
 * Page scanner: matches each root's text snapshot, then walks a root with terms in `sliceMs`
 * slices into the term index (docs/architecture.md: Matching, Paint first, count later).
 * Cost: one pass over the root's text nodes; with terms, one walk in slices with pauses between.
 * Must never: scan a root twice at once, idle as 'scanning', count a block twice, paint stale text.
 */
import { KEYWORD, terminalEntry, terminalGated } from '../../matching/compiled';
import { SiteChrome } from './site-chrome';
import type { MatchSource } from '../shared/match-source';
import { PageMatch, TermIndex } from './term-index';
import { TextWalker, locate, type TextBlock } from '../shared/text-walker';
import { SnapshotMatches } from '../shared/text-snapshot';
import { HeldRoots, lookAt, MAX_SEGMENT_CHARS, nextStep, type Look } from '../shared/first-look';
import { withRoot } from '../shared/root-set';
import { yieldToPage } from '../shared/yield-to-page';
import { matchCount, matchEnd, matchStart, matchTerminal } from '../../matching/match-list';
import { formReading } from '../../matching/char-rules';

export interface ScannerOptions {
  sliceMs?: number;
  /** Match a root's snapshot first (default); off, every block is sent (the tests' reference). */
  snapshots?: boolean;
  now?: () => number;
  isVisible?: (el: Element) => boolean;
  /**
   * While only first occurrences are painted, walk only where they are (and AI keywords while
   * the topic gate is undecided); count the other occurrences when `countAll()` asks.
   */
  countLater?: boolean;
}

/** A walked root whose other occurrences are still to be counted. */
interface Uncounted {
  root: Node;
  snapshot: SnapshotMatches;
  /** Its matches' sequence numbers start here (see addMatches). */
  base: number;
  /** The page changed since the snapshot: its offsets may be off, so it is read again. */
  stale: boolean;
}

export class PageScanner {
  status: 'scanning' | 'done' = 'done';
  scanMs = 0;
  scannedChars = 0;
  private queue: Node[] = [];
  /** True from the start of run() until its loop exits; cleared in the same tick (see run). */
  private active = false;
  private done: Promise<void> = Promise.resolve();
  /** Sequence numbers of the next root's matches start here: a root's matches are numbered by their offset in it. */
  private seqBase = 0;
  private uncounted: Uncounted[] = [];
  /** Counting was asked for: the run goes on to the uncounted roots once the queue is empty. */
  private counting = false;
  /** When the current task's work began (reset after each pause or round trip). */
  private stretchStart = 0;
  /** First text node of every block whose matches are in the index (countLater only). */
  private processed = new Set<Text>();
  private readonly sliceMs: number;
  private readonly now: () => number;
  private stopped = false;
  /** Set when the match source failed; the page then stays as it is, unpainted. */
  failed = false;
  /** Roots whose only matches wait for the topic gate. */
  private held = new HeldRoots();
  /** A walked root's final repaint waits for the rest of the queue. */
  private unpainted = false;
  /** Roots queued with their first look already taken (the light page's, see light-page.ts). */
  private looks = new WeakMap<Node, Look>();
  private siteChrome: SiteChrome | null = null;

  constructor(
    private readonly source: MatchSource,
    private readonly index: TermIndex,
    private readonly onUpdate: () => void,
    private readonly options: ScannerOptions = {},
  ) {
    this.sliceMs = options.sliceMs ?? 8;
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * Queue a subtree for scanning; resolves when the queue is empty. `look`: the root's first
   * look, when it has been taken already (it is then not read and matched again).
   */
  scan(root: Node, look?: Look): Promise<void> {
    this.stopped = false;
    if (look) this.looks.set(root, look);
    else this.looks.delete(root);
    this.queue = withRoot(this.queue, root);
    // A root set aside inside this one is decided again with it, and counted with it.
    this.held.dropInside(root);
    this.uncounted = this.uncounted.filter((u) => !root.contains(u.root));
    return this.running();
  }

  /** Mark the scanner busy and start a run unless one is under way; resolves when it ends. */
  private running(): Promise<void> {
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
    this.held = new HeldRoots();
    this.uncounted = [];
    this.counting = false;
    this.processed.clear();
    this.status = 'done';
  }

  /** Whether some occurrences have not been counted yet (countLater). */
  get hasUncounted(): boolean {
    return this.uncounted.length > 0;
  }

  /** Count every occurrence set aside so far; resolves when the queue and the counting are done. */
  countAll(): Promise<void> {
    if (this.uncounted.length === 0 || this.stopped) return this.done;
    this.counting = true;
    return this.running();
  }

  /**
   * The page changed at `where` (everywhere when `everywhere`): roots still to be counted that
   * hold a change are read again when their turn comes, since their offsets may have moved.
   */
  markChanged(where: readonly Node[], everywhere = false): void {
    for (const u of this.uncounted) if (everywhere || where.some((n) => u.root.contains(n))) u.stale = true;
  }

  /** Blocks under `root` (or no longer in the page) lost their matches: they are walked again when counting. */
  forget(root?: Node): void {
    if (this.processed.size === 0) return;
    for (const n of this.processed) if (!n.isConnected || (root && root.contains(n))) this.processed.delete(n);
  }

  /** Count characters read and time spent elsewhere on this page (the light page's). */
  carry(chars: number, ms: number): void {
    this.scannedChars += chars;
    this.scanMs += ms;
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
      while (!this.stopped) {
        if (this.queue.length) {
          const root = this.queue.shift()!;
          if (!root.isConnected) continue;
          const snapshot = await this.readAndMatch(root);
          if (this.failed || this.stopped) return;
          if (snapshot === 'settled') {
            if (this.queue.length === 0 && this.unpainted) this.account(this.onUpdate);
            continue;
          }
          if (!(await this.firstScan(root, snapshot))) return;
        } else if (this.counting && this.uncounted.length) {
          // Many small roots (a feed's paragraphs) count without a round trip: pause between
          // them as between slices, so one task never holds them all.
          if (this.pauseDue() && !(await this.pause())) return;
          const job = this.uncounted.shift()!;
          if (!job.root.isConnected) continue;
          if (!(await this.countRest(job))) return;
        } else break;
        this.index.releaseGated();
        this.reviewDeferred();
        this.unpainted = this.queue.length > 0;
        if (!this.unpainted) this.account(this.onUpdate);
      }
    } finally {
      this.active = false;
      if (this.uncounted.length === 0) this.counting = false;
      if (!this.stopped && this.queue.length === 0 && !this.counting) this.status = 'done';
    }
  }

  /**
   * Whether the stretch of work since the last pause is at its budget. A separate test, so that a
   * stretch with time left goes on in the same tick (an await would let other work in).
   */
  private pauseDue(): boolean {
    return this.now() - this.stretchStart >= this.sliceMs;
  }

  /** Yield to the page and begin a new stretch; false when stopped meanwhile. */
  private async pause(): Promise<boolean> {
    await yieldToPage();
    if (this.stopped) return false;
    this.stretchStart = this.now();
    return true;
  }

  private defersCounting(): boolean {
    return this.options.countLater === true && this.index.mode === 'first';
  }

  /** Walk a root that has matches; false when stopped or failed. */
  private async firstScan(root: Node, snapshot: SnapshotMatches | null): Promise<boolean> {
    const base = this.seqBase;
    if (snapshot && this.defersCounting()) {
      // Only where an entry not yet on the page first occurs can something new be painted; the
      // first few AI keywords may decide the topic gate.
      const gate = this.index.gate;
      const known = (e: number) => this.index.knows(e);
      const chosen = snapshot.choosePlaces({ entries: 'first', known, keywords: gate.isAiPage ? 0 : gate.keywordsEnough });
      if ((await this.walk(root, snapshot, base, false)) < 0) return false;
      // A first occurrence that showed nothing there (hidden, skipped, changed) sends the walk to
      // all the entry's others, even when one turned up further on: one in between may come
      // first. A gate still closed sends it to every keyword. Matches are numbered by place.
      const missing = new Set<number>();
      for (const [e, at] of chosen) if (!this.index.hasMatch(e, base + at)) missing.add(e);
      if (missing.size || !gate.isAiPage) {
        snapshot.choosePlaces({ entries: missing, keywords: gate.isAiPage ? 0 : Infinity });
        if ((await this.walk(root, snapshot, base, true)) < 0) return false;
      }
      this.uncounted.push({ root, snapshot, base, stale: false });
      this.seqBase = base + snapshot.length + 1;
      return true;
    }
    const end = await this.walk(root, snapshot, base, false);
    if (end < 0) return false;
    // The next root's numbers start past this one's whole text (the walk may stop at its last match).
    this.seqBase = base + (snapshot ? snapshot.length : end) + 1;
    return true;
  }

  /** Count a root's occurrences the first scan stepped over; false when stopped or failed. */
  private async countRest(job: Uncounted): Promise<boolean> {
    let snapshot = job.snapshot;
    if (job.stale) {
      let look: Look | null;
      try {
        look = await this.look(job.root);
      } catch (err) {
        this.fail(err);
        return false;
      }
      if (this.stopped) return false;
      if (!look) return true;
      snapshot = matchesOf(look);
    }
    snapshot.choosePlaces({ entries: 'all', keywords: Infinity });
    return (await this.walk(job.root, snapshot, job.base, true)) >= 0;
  }

  /**
   * Walk the root where the snapshot's chosen places are (every block without a snapshot), in
   * slices, adding each block's matches. `skipDone`: pass over blocks whose matches are in the
   * index already. Returns where the walk ended in the root's text, or -1 when stopped or failed.
   */
  private async walk(root: Node, snapshot: SnapshotMatches | null, base: number, skipDone: boolean): Promise<number> {
    const track = this.options.countLater === true;
    const walker = new TextWalker(root, { isVisible: this.options.isVisible });
    for (;;) {
      // A stretch already at its budget (the walk before this one, a handover) ends here first.
      if (this.pauseDue() && !(await this.pause())) return -1;
      // One slice: walk until the time is up (or the batch is large), then match it.
      const sliceStart = this.now();
      const blocks: TextBlock[] = [];
      let chars = 0;
      let block: TextBlock | null;
      for (;;) {
        // Text the snapshot shows no match in is stepped over, not examined.
        if (snapshot) {
          const place = snapshot.nextPlace(walker.position);
          if (place === Infinity) {
            block = null;
            break;
          }
          if (place > walker.position) walker.seek(place);
        }
        block = walker.next();
        if (!block) break;
        if (skipDone && this.processed.has(block.nodes[0]!)) continue;
        blocks.push(block);
        chars += block.text.length;
        if (chars >= MAX_BATCH_CHARS || this.now() - sliceStart >= this.sliceMs) break;
      }
      // Most blocks' matches are read off the snapshot; the rest are matched on their own.
      const results: (readonly number[] | null)[] = blocks.map((b) => snapshot?.forBlock(b.text, b.at) ?? null);
      const alone = blocks.filter((_, k) => results[k] === null);
      this.scanMs += this.now() - sliceStart;
      if (alone.length) {
        let found: (readonly number[])[];
        try {
          found = await this.source.match(alone.map((b) => b.text));
          this.stretchStart = this.now();
        } catch (err) {
          this.fail(err);
          return -1;
        }
        if (this.stopped) return -1;
        let j = 0;
        for (let k = 0; k < blocks.length; k++) if (results[k] === null) results[k] = found[j++] ?? NONE;
      }
      if (blocks.length) {
        const t0 = this.now();
        let changed = false;
        // Without a round trip the page cannot have changed since the walk read the blocks.
        const fresh = alone.length === 0;
        for (let k = 0; k < blocks.length; k++) {
          changed = this.addMatches(blocks[k]!, results[k] ?? NONE, walker, fresh, base) || changed;
          if (track) this.processed.add(blocks[k]!.nodes[0]!);
        }
        if (changed) this.onUpdate();
        this.scanMs += this.now() - t0;
      }
      if (!block) break;
      await yieldToPage();
      if (this.stopped) return -1;
      this.stretchStart = this.now();
    }
    if (!snapshot) this.scannedChars += walker.scannedChars;
    return walker.position;
  }

  /**
   * The root's first look (first-look.ts). 'settled' when the root needs no walk: nothing
   * matched, or only held-back forms (and keywords) on a page the gate cannot open for.
   */
  private async readAndMatch(root: Node): Promise<SnapshotMatches | 'settled' | null> {
    if (this.options.snapshots === false) return null;
    let look = this.looks.get(root) ?? null;
    this.looks.delete(root);
    try {
      look ??= await this.look(root);
    } catch (err) {
      this.fail(err);
      return 'settled';
    }
    if (!look) return null;
    // The snapshot's text is what was examined, whether the root is walked or not.
    this.scannedChars += look.snapshot.chars;
    const step = nextStep(look.result.evidence, this.index.gate, this.held.keywords);
    if (step === 'none') return 'settled';
    if (step === 'hold') {
      this.held.hold(look);
      return 'settled';
    }
    return this.account(() => matchesOf(look));
  }

  /** Take a root's first look; what runs before the reply (reading, handing the text over) is ours. */
  private async look(root: Node): Promise<Look | null> {
    const { ms, look } = lookAt(root, this.source, this.now);
    this.scanMs += ms;
    const done = await look;
    this.stretchStart = this.now();
    return done;
  }

  /** New evidence may let the gate open: then the roots set aside are walked after all. */
  private reviewDeferred(): void {
    if (this.held.size === 0 || !this.index.gate.couldQualifyWith(this.held.keywords)) return;
    for (const r of this.held.takeAll()) if (r.isConnected) this.queue = withRoot(this.queue, r);
  }

  private fail(err: unknown): void {
    if (!this.failed) console.warn('Alignment Glossary: could not match this page', err);
    this.failed = true;
  }

  /** Whether a block with matches is in the site's chrome (site-chrome.ts). */
  private chrome(container: Element | null): boolean {
    if (!container) return false;
    const win = container.ownerDocument.defaultView;
    if (!win) return false;
    this.siteChrome ??= new SiteChrome(win);
    return this.siteChrome.isChrome(container);
  }

  /** Add one block's matches (flat start, end, terminal triples); returns whether any was added. */
  private addMatches(block: TextBlock, flat: readonly number[], walker: TextWalker, fresh: boolean, base: number): boolean {
    // Text that is not rendered (collapsed menus, display:none) is not read, so not counted.
    if (flat.length === 0 || !walker.visible(block)) return false;
    const chrome = this.chrome(block.container);
    let added = false;
    for (let j = 0; j < matchCount(flat); j++) {
      const start = matchStart(flat, j);
      const end = matchEnd(flat, j);
      const terminal = matchTerminal(flat, j);
      if (terminal === KEYWORD) {
        // A banner or tag list naming AI does not make the page about it.
        if (!chrome) this.index.gate.addKeyword();
        continue;
      }
      const [sn, so] = locate(block, start, false);
      const [en, eo] = locate(block, end, true);
      const nodes = sn === en ? [sn] : block.nodes.slice(block.nodes.indexOf(sn), block.nodes.indexOf(en) + 1);
      // The page may have changed while the slice was matched: its mutation will be rescanned.
      if (!fresh && !unchanged(block, nodes)) continue;
      // Numbered by place, not by discovery: a root walked in several passes keeps document order.
      const entry = terminalEntry(terminal);
      const form = formReading(block.text.slice(start, end), this.source.terms[entry]);
      const match = new PageMatch(entry, form, nodes, so, eo, base + block.at + start, chrome);
      this.index.add(match, terminalGated(terminal));
      added = true;
    }
    return added;
  }
}

/** A slice's texts go to the matcher in batches of at most this many characters. */
const MAX_BATCH_CHARS = MAX_SEGMENT_CHARS;

const NONE: readonly number[] = Object.freeze([]);

/** The matches of a look, ready to be read off per block. */
function matchesOf(look: Look): SnapshotMatches {
  return new SnapshotMatches(look.snapshot.segments, look.result.found, look.result.extra, look.snapshot.length);
}

/** The nodes still hold the text the block was read with. */
function unchanged(block: TextBlock, nodes: readonly Text[]): boolean {
  for (const n of nodes) {
    const k = block.nodes.indexOf(n);
    const from = block.starts[k]!;
    const to = k + 1 < block.nodes.length ? block.starts[k + 1]! : block.text.length;
    // startsWith at an offset compares in place: no copy of the node's text per match.
    const data = n.data;
    if (!n.isConnected || data.length !== to - from || !block.text.startsWith(data, from)) return false;
  }
  return true;
}
