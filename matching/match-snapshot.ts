/**
 * Matches a page's text snapshot in the background (page/shared/text-snapshot.ts): each segment's joined
 * text, then, for evidence only, the same with a space at node boundaries (`<li>RLHF</li><li>DPO`
 * glues words, and the page must then be walked). Cost: two passes over the characters.
 * Must never: touch the DOM, or report an entry without its name.
 */
import { KEYWORD, terminalGated, type CompiledMatcher } from './compiled';
import { findMatches } from './find-matches';
import { matchTexts, type MatchTextsReply } from './match-texts';
import type { SnapshotEvidence, SnapshotTexts } from './snapshot-wire';

export type { SnapshotEvidence, SnapshotTexts };
export { snapshotTexts } from './snapshot-wire';
import type { MarkedPart } from './page-definitions';
import { lastAtOrBefore } from './sorted-search';
import { HEADED_WIDTH, matchCount, matchTerminal } from './match-list';

/** Evidence of flat (start, end, terminal) triples. */
export function evidenceOf(flat: readonly number[], into: SnapshotEvidence = { matches: 0, ungated: 0, keywords: 0 }): SnapshotEvidence {
  for (let j = 0; j < matchCount(flat); j++) {
    const terminal = matchTerminal(flat, j);
    into.matches++;
    if (terminal === KEYWORD) into.keywords++;
    else if (!terminalGated(terminal)) into.ungated++;
  }
  return into;
}

/** The joined segments' matches and names, as matchTexts gives them, and more. */
export interface MatchSnapshotReply extends MatchTextsReply {
  /**
   * Segment index, start, end (in the joined segment) of each match the spaced text has and the
   * joined text does not, flattened: the walk must look at the blocks there too.
   */
  extra: number[];
  /** Matches of the joined text, and those of the spaced text at other places or of other forms. */
  evidence: SnapshotEvidence;
}

/** A segment's marks with their places in its joined text. */
function markedParts(parts: readonly string[], flat: readonly number[] | undefined): MarkedPart[] {
  if (!Array.isArray(flat) || parts.length < 2) return [];
  const starts: number[] = [];
  let at = 0;
  for (const p of parts) {
    starts.push(at);
    at += p.length;
  }
  const out: MarkedPart[] = [];
  for (let j = 0; j + 1 < flat.length; j += 2) {
    const k = flat[j]!;
    if (!Number.isInteger(k) || k < 0 || k >= parts.length) continue;
    out.push({ start: starts[k]!, end: starts[k]! + parts[k]!.length, mark: flat[j + 1]! });
  }
  return out;
}

/** The segment's text nodes again; a malformed list of lengths gives the whole text as one. */
function partsOf(text: string, lengths: readonly number[] | undefined): string[] {
  if (!Array.isArray(lengths) || lengths.length < 2) return [text];
  const parts: string[] = [];
  let at = 0;
  for (const n of lengths) {
    if (!Number.isInteger(n) || n < 0 || at + n > text.length) return [text];
    parts.push(text.slice(at, (at += n)));
  }
  return at === text.length ? parts : [text];
}

export function matchSnapshot(m: CompiledMatcher, snapshot: SnapshotTexts): MatchSnapshotReply {
  const page = Array.isArray(snapshot.defs) ? { defs: snapshot.defs, nextPage: Number(snapshot.nextPage) || 0 } : undefined;
  const marks = page ? snapshot.texts.map((t, k) => markedParts(partsOf(t, snapshot.lengths?.[k]), snapshot.marks?.[k])) : undefined;
  const { matches, names, pageDefs, notes, defTexts } = matchTexts(m, snapshot.texts, page, marks);
  const extra: number[] = [];
  const evidence: SnapshotEvidence = { matches: 0, ungated: 0, keywords: 0 };
  const flat: number[] = [];
  let q = 0;
  for (let k = 0; k < snapshot.texts.length; k++) {
    const parts = partsOf(snapshot.texts[k]!, snapshot.lengths?.[k]);
    flat.length = 0;
    const seen = new Set<string>();
    // matchTexts answers in segment order: this segment's quadruples come next.
    for (; q < matches.length && matches[q] === k; q += HEADED_WIDTH) {
      flat.push(matches[q + 1]!, matches[q + 2]!, matches[q + 3]!);
      seen.add(`${matches[q + 1]}:${matches[q + 3]}`);
    }
    if (parts.length > 1) {
      // Where each node starts in the spaced text; a match there counts once if the joined text has it too.
      const starts: number[] = [];
      let at = 0;
      for (const p of parts) {
        starts.push(at);
        at += p.length + 1;
      }
      // A form feed is white space between words, but no line end a word could go on across
      // (char-rules.ts): "0-" at the end of one block never joins the next block's first word.
      for (const x of findMatches(m, parts.join('\f'))) {
        const start = x.start - lastAtOrBefore(starts, x.start);
        if (seen.has(`${start}:${x.terminal}`)) continue;
        flat.push(x.start, x.end, x.terminal);
        extra.push(k, start, x.end - lastAtOrBefore(starts, x.end - 1));
      }
    }
    evidenceOf(flat, evidence);
  }
  return { matches, names, extra, evidence, ...(page ? { pageDefs, notes, defTexts } : {}) };
}
