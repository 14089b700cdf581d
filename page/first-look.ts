/**
 * First look at a scan root: its text snapshot, matched, and what that says should happen next.
 *
 * What it does: `lookAt` reads a root's text snapshot (text-snapshot.ts) and has it matched;
 * `nextStep` says whether the root is done ('none': nothing matched), waits for the topic gate
 * ('hold': only forms the gate holds back, on a page the gate could not open for even with every
 * keyword held so far) or must be walked block by block ('walk'). The light page every page
 * starts with (light-page.ts) and the full page's scanner (page-scanner.ts) both decide here, so
 * they decide alike.
 * Cost: one pass over the root's text nodes and one message with their text.
 * Must never: walk blocks or change the DOM.
 */
import type { TopicGate } from '../matching/topic-gate';
import type { MatchSource, SnapshotResult } from './match-source';
import { readSnapshot, type Snapshot } from './text-snapshot';
import type { SnapshotEvidence } from '../matching/match-snapshot';

export interface Look {
  root: Node;
  snapshot: Snapshot;
  result: SnapshotResult;
}

/** A snapshot's texts go to the matcher in segments of at most this many characters. */
export const MAX_SEGMENT_CHARS = 200_000;

/** The root's snapshot and its matches; null for a root with no text nodes to read (a lone text node). */
export async function lookAt(root: Node, source: MatchSource): Promise<Look | null> {
  const snapshot = readSnapshot(root, MAX_SEGMENT_CHARS);
  if (!snapshot) return null;
  const result = await source.matchSnapshot(snapshot.segments.map((s) => s.parts));
  return { root, snapshot, result };
}

export type NextStep = 'none' | 'hold' | 'walk';

/** `heldKeywords`: AI keywords in roots already held for the gate (they count together). */
export function nextStep(evidence: SnapshotEvidence, gate: TopicGate, heldKeywords: number): NextStep {
  if (evidence.matches === 0) return 'none';
  if (evidence.ungated === 0 && !gate.couldQualifyWith(evidence.keywords + heldKeywords)) return 'hold';
  return 'walk';
}
