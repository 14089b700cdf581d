/**
 * A text snapshot as it travels from a page to the matcher (match-snapshot.ts), and the evidence
 * type it is answered with; the every-page script imports only this. Cost: one join per segment.
 * Must never: import the matcher.
 */
import type { KnownDefinition } from './page-terms';

/** What a snapshot's matches say about the topic gate (matching/topic-gate.ts). */
export interface SnapshotEvidence {
  /** Matches of any kind. */
  matches: number;
  /** Matches of forms shown on any page. */
  ungated: number;
  keywords: number;
}

/**
 * A snapshot as it travels to the background: per segment its text nodes' data joined, and their
 * lengths. One long string per segment costs the page far less to send than one per text node.
 */
export interface SnapshotTexts {
  texts: string[];
  lengths: number[][];
  /** Per segment: part index and mark of each marked text node, flattened (text-snapshot.ts). */
  marks?: number[][];
  /** The page's own terms so far (page-terms.ts); absent, they are not looked for. */
  defs?: KnownDefinition[];
  nextPage?: number;
}

export function snapshotTexts(segments: readonly (readonly string[])[], marks?: readonly (readonly number[])[]): SnapshotTexts {
  return {
    texts: segments.map((parts) => parts.join('')),
    lengths: segments.map((parts) => parts.map((p) => p.length)),
    ...(marks ? { marks: marks.map((m) => [...m]) } : {}),
  };
}
