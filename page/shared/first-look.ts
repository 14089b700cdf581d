/**
 * First look at a scan root: its text snapshot matched, then 'none', 'hold' (for the topic gate,
 * see `HeldRoots`) or 'walk'. The light page and the full scanner both decide here, alike.
 * Cost: one pass over the root's text nodes and one message with their text.
 * Must never: walk blocks or change the DOM.
 */
import type { TopicGate } from '../../matching/topic-gate';
import type { MatchSource, SnapshotResult } from './match-source';
import { readSnapshot, type Snapshot } from './text-snapshot';
import { readsAsProse } from './text-walker';
import type { SnapshotEvidence } from '../../matching/match-snapshot';

export interface Look {
  root: Node;
  snapshot: Snapshot;
  result: SnapshotResult;
}

/** A snapshot's texts go to the matcher in segments of at most this many characters. */
export const MAX_SEGMENT_CHARS = 200_000;

/** A look under way: its main-thread milliseconds so far, and the look once matched. */
export interface PendingLook {
  ms: number;
  look: Promise<Look | null>;
}

/**
 * Read the root's snapshot and send it to be matched. The look is null for a root with no text
 * nodes to read (a lone text node).
 */
export function lookAt(root: Node, source: MatchSource, now: () => number = () => performance.now()): PendingLook {
  const t0 = now();
  const snapshot = readSnapshot(root, MAX_SEGMENT_CHARS);
  const look = snapshot
    ? source
        .matchSnapshot(
          snapshot.segments.map((s) => s.parts),
          snapshot.segments.map((s) => s.marks),
          (k, at) => shownAt(snapshot, k, at),
        )
        .then((result) => ({ root, snapshot, result }))
    : Promise.resolve(null);
  return { ms: now() - t0, look };
}

/** Whether the text at `at` in segment `k` is prose a reader sees (a page's own definition must be). */
function shownAt(snapshot: Snapshot, k: number, at: number): boolean {
  const seg = snapshot.segments[k];
  if (!seg) return false;
  let start = 0;
  for (let p = 0; p < seg.parts.length; p++) {
    const end = start + seg.parts[p]!.length;
    if (at < end) return readsAsProse(seg.nodes[p]!);
    start = end;
  }
  return false;
}

export type NextStep = 'none' | 'hold' | 'walk';

/**
 * Roots whose only matches are forms the topic gate holds back: set aside, and decided again
 * together when new evidence could open the gate (their AI keywords count together).
 */
export class HeldRoots {
  private list: { root: Node; keywords: number; chars: number }[] = [];

  get size(): number {
    return this.list.length;
  }

  /** AI keywords in all held roots. */
  get keywords(): number {
    let k = 0;
    for (const h of this.list) k += h.keywords;
    return k;
  }

  /** Characters read in all held roots. */
  get chars(): number {
    let n = 0;
    for (const h of this.list) n += h.chars;
    return n;
  }

  hold(look: Look): void {
    this.list.push({ root: look.root, keywords: look.result.evidence.keywords, chars: look.snapshot.chars });
  }

  /** Forget the roots inside `root` (it is looked at again as a whole). */
  dropInside(root: Node): void {
    this.list = this.list.filter((h) => !root.contains(h.root));
  }

  /** Every held root, forgotten here. */
  takeAll(): Node[] {
    const roots = this.list.map((h) => h.root);
    this.list = [];
    return roots;
  }
}

/** `heldKeywords`: AI keywords in roots already held for the gate (they count together). */
export function nextStep(evidence: SnapshotEvidence, gate: TopicGate, heldKeywords: number): NextStep {
  if (evidence.matches === 0) return 'none';
  if (evidence.ungated === 0 && !gate.couldQualifyWith(evidence.keywords + heldKeywords)) return 'hold';
  return 'walk';
}
