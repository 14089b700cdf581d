/**
 * Term index: every match on the page, held for the topic gate or painted (each entry's first
 * outside the site's chrome, else its first; or all), and which painted match is at a position.
 * Cost: O(1) per added match; pruning is O(matches).
 * Must never: touch the DOM beyond reading Range boundaries and `isConnected`.
 */
import { TopicGate } from '../../matching/topic-gate';
import type { PageTerm } from '../../messaging/contract';
import { isPageEntry, isUserEntry } from '../../matching/page-entry';

/**
 * One occurrence of a glossary term. The live Range is created on first use (painting, hover):
 * most occurrences are only counted, and every live Range costs the page on each DOM change.
 */
export class PageMatch {
  private r: Range | null = null;

  constructor(
    readonly entry: number,
    /** The page's own text for this match. */
    readonly text: string,
    /** Text nodes the match touches (usually one); the first and last hold the boundaries. */
    readonly nodes: Text[],
    readonly startOffset: number,
    readonly endOffset: number,
    /** Discovery sequence number: document order within one scan, later scans after. */
    readonly seq: number,
    /** In the site's furniture (site-chrome.ts): painted first only where the term is nowhere else. */
    readonly chrome = false,
  ) {}

  get range(): Range {
    if (!this.r) {
      const first = this.nodes[0]!;
      this.r = first.ownerDocument.createRange();
      this.r.setStart(first, this.startOffset);
      this.r.setEnd(this.nodes[this.nodes.length - 1]!, this.endOffset);
    }
    return this.r;
  }
}

/** The occurrence painted in first-occurrence mode: the first outside the chrome, if any. */
function shown(state: EntryState): PageMatch {
  return state.matches.find((m) => !m.chrome) ?? state.matches[0]!;
}

interface EntryState {
  /** Sorted by seq, so matches[0] is the first appearance. */
  matches: PageMatch[];
  forms: Set<string>;
}

export type PaintMode = 'first' | 'all';

export class TermIndex {
  private byEntry = new Map<number, EntryState>();
  private pendingGated: PageMatch[] = [];
  private byNode = new Map<Text, PageMatch[]>();
  private painted = new Set<PageMatch>();
  readonly gate: TopicGate;
  /** Entry ids the reader marked as known, and whether such terms are hidden (not painted). */
  private known: ReadonlySet<string> = new Set();
  private hideKnown = false;

  constructor(
    private readonly ids: readonly string[],
    private readonly terms: readonly string[],
    public mode: PaintMode = 'first',
    gate = new TopicGate(),
  ) {
    this.gate = gate;
  }

  /**
   * Add a match; gated matches wait for the topic gate. Ungated matches are evidence that the
   * page is about AI, except in the site's chrome (a sidebar or box says little of the page).
   */
  add(match: PageMatch, gated: boolean): void {
    if (gated && !this.gate.isAiPage) {
      this.pendingGated.push(match);
      return;
    }
    // A page's own definitions, and the reader's own terms, say nothing of whether it is about AI.
    if (!gated && !match.chrome && !isPageEntry(match.entry) && !isUserEntry(match.entry)) this.gate.addEntry(match.entry);
    this.confirm(match);
  }

  /** After new evidence: release held gated matches if the page now qualifies. */
  releaseGated(): void {
    if (this.pendingGated.length === 0 || !this.gate.isAiPage) return;
    const held = this.pendingGated;
    this.pendingGated = [];
    for (const m of held) if (m.nodes[0]!.isConnected) this.confirm(m);
  }

  private confirm(match: PageMatch): void {
    let state = this.byEntry.get(match.entry);
    if (!state) {
      state = { matches: [], forms: new Set() };
      this.byEntry.set(match.entry, state);
    }
    // Held gated matches arrive late; keep each list in discovery order.
    let i = state.matches.length;
    while (i > 0 && state.matches[i - 1]!.seq > match.seq) i--;
    state.matches.splice(i, 0, match);
    state.forms.add(match.text);
  }

  /** Drop matches whose text left the document or sits under `root` (about to be rescanned). */
  prune(root?: Node): void {
    const dead = (m: PageMatch) => !m.nodes.every((n) => n.isConnected) || (root !== undefined && m.nodes.some((n) => root.contains(n)));
    for (const [entry, state] of this.byEntry) {
      if (!state.matches.some(dead)) continue;
      state.matches = state.matches.filter((m) => !dead(m));
      if (state.matches.length === 0) this.byEntry.delete(entry);
      else state.forms = new Set(state.matches.map((m) => m.text));
      // Entries stay in the map only while they have matches, so matches[0] always exists.
    }
    this.pendingGated = this.pendingGated.filter((m) => !dead(m));
  }

  /** Terms the reader knows: drawn faintly, or (`hide`) neither painted, hovered nor stepped to. */
  setKnown(ids: ReadonlySet<string>, hide: boolean): void {
    this.known = ids;
    this.hideKnown = hide;
  }

  /** Whether the entry is one the reader marked as known (never a page's own term). */
  isKnown(entry: number): boolean {
    const id = this.ids[entry];
    return id !== undefined && this.known.has(id) && !isPageEntry(entry);
  }

  /** Distinct terms not marked as known (the badge). */
  get unknownCount(): number {
    let n = 0;
    for (const entry of this.byEntry.keys()) if (!this.isKnown(entry)) n++;
    return n;
  }

  /** The matches that should be painted now. Rebuilds the node lookup used by hit testing. */
  paintSet(): PageMatch[] {
    const out: PageMatch[] = [];
    for (const [entry, state] of this.byEntry) {
      if (this.hideKnown && this.isKnown(entry)) continue;
      if (this.mode === 'all') out.push(...state.matches);
      else out.push(shown(state));
    }
    this.painted = new Set(out);
    this.byNode.clear();
    for (const m of out) {
      for (const n of m.nodes) {
        const list = this.byNode.get(n);
        if (list) list.push(m);
        else this.byNode.set(n, [m]);
      }
    }
    return out;
  }

  /** The painted match covering (node, offset), if any. */
  paintedAt(node: Node, offset: number): PageMatch | null {
    const list = this.byNode.get(node as Text);
    if (!list) return null;
    for (const m of list) {
      try {
        if (m.range.comparePoint(node, offset) === 0) return m;
      } catch {
        // The node moved to another document; it no longer matches.
      }
    }
    return null;
  }

  isPainted(m: PageMatch): boolean {
    return this.painted.has(m);
  }

  /** Each entry's shown occurrence, in document order (the keyboard path steps through these). */
  paintedInOrder(): PageMatch[] {
    const out: PageMatch[] = [];
    for (const [entry, state] of this.byEntry) if (!(this.hideKnown && this.isKnown(entry))) out.push(shown(state));
    return out.sort((a, b) => a.seq - b.seq);
  }

  /**
   * Whether the entry has a match here outside the site's chrome, shown or held for the topic
   * gate: a scan need not look for another place to show it.
   */
  knows(entry: number): boolean {
    return (
      (this.byEntry.get(entry)?.matches.some((m) => !m.chrome) ?? false) || this.pendingGated.some((m) => m.entry === entry && !m.chrome)
    );
  }

  /** Whether the entry has a match numbered `seq` here outside the chrome, shown or held for the topic gate. */
  hasMatch(entry: number, seq: number): boolean {
    const found = (m: PageMatch) => m.entry === entry && m.seq === seq && !m.chrome;
    return (this.byEntry.get(entry)?.matches.some(found) ?? false) || this.pendingGated.some(found);
  }

  /** The occurrence shown first: the first in what the reader reads, else the first of all. */
  firstMatchOf(entry: number): PageMatch | null {
    const state = this.byEntry.get(entry);
    return state ? shown(state) : null;
  }

  /** The `terms` field of the get-page-terms report. */
  report(): PageTerm[] {
    return [...this.byEntry.entries()]
      .sort((a, b) => a[1].matches[0]!.seq - b[1].matches[0]!.seq)
      .map(([entry, s]) => ({
        id: this.ids[entry]!,
        term: this.terms[entry]!,
        count: s.matches.length,
        forms: [...s.forms],
        ...(isPageEntry(entry) ? { source: 'page' as const } : isUserEntry(entry) ? { source: 'user' as const } : {}),
        known: this.isKnown(entry),
      }));
  }

  get size(): number {
    return this.byEntry.size;
  }
}
