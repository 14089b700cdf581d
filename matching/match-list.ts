/**
 * Match lists as the wire and the snapshot keep them: flat numbers, three per match (start, end,
 * terminal), in text order; read through these names, not by offsets stepped by hand.
 * Cost: an index multiply per read, no allocation. Must never: change the wire format
 * (matching/match-texts.ts, docs/architecture.md).
 */

/** Flat (start, end, terminal) triples, in text order. */
export type MatchList = readonly number[];

/** Numbers per match in a MatchList. */
export const MATCH_WIDTH = 3;
/** Numbers per match in a reply that heads each with its text's index: (text, start, end, terminal). */
export const HEADED_WIDTH = 4;

export const matchCount = (list: MatchList): number => Math.floor(list.length / MATCH_WIDTH);
export const matchStart = (list: MatchList, k: number): number => list[k * MATCH_WIDTH]!;
export const matchEnd = (list: MatchList, k: number): number => list[k * MATCH_WIDTH + 1]!;
export const matchTerminal = (list: MatchList, k: number): number => list[k * MATCH_WIDTH + 2]!;
