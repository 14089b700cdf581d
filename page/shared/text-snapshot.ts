/**
 * Text snapshot: a root's text-node data read in one pass and matched before any walk, so a page
 * without terms is never walked and no text is sent twice; gives each block its matches, or null.
 * Cost: one TreeWalker step and data read per text node; per block, one string comparison.
 * Must never: give a block matches other than its own text's (tests/unit/text-snapshot.test.ts).
 */
import { KEYWORD, terminalEntry } from '../../matching/compiled';
import { lastAtOrBefore } from '../../matching/sorted-search';
import { matchCount, matchEnd, matchStart, matchTerminal } from '../../matching/match-list';
import { continuesAfterBreak, isBoundaryCode, isSpaceCode, isWordCode, mayBreakWord } from '../../matching/char-rules';
import { MARK_DFN, MARK_DT, MARK_EMPHASIS, MARK_HEADING } from '../../matching/page-entry';

export interface Segment {
  /** Offset of the segment in the root's whole text. */
  at: number;
  /** Data of consecutive text nodes. */
  parts: string[];
  /** Part index and mark of each short text node in an element that may define a term, flattened. */
  marks: number[];
  /** The text nodes the parts were read from (a page's own definitions are checked against them). */
  nodes: Text[];
}

export interface Snapshot {
  segments: Segment[];
  /** Characters read. */
  chars: number;
  /** Length of the root's whole text (what was read and what was left out). */
  length: number;
}

/** Parents whose long text is code or data, not prose (a framework's inline JSON, CSS). */
const LEFT_OUT = new Set(['script', 'style', 'template', 'noscript']);
const LONG = 2000;

/**
 * Elements whose short text may be a term the page defines (matching/page-definitions.ts), by
 * mark. Only text this short pays for the parent check.
 */
const MARKS = new Map<string, number>([
  ['em', MARK_EMPHASIS],
  ['i', MARK_EMPHASIS],
  ['b', MARK_EMPHASIS],
  ['strong', MARK_EMPHASIS],
  ['dfn', MARK_DFN],
  ['dt', MARK_DT],
  ['h1', MARK_HEADING],
  ['h2', MARK_HEADING],
  ['h3', MARK_HEADING],
  ['h4', MARK_HEADING],
  ['h5', MARK_HEADING],
  ['h6', MARK_HEADING],
]);
const SHORT = 64;

/** The root's text in segments; null for a document or a lone text node (nothing to walk). */
export function readSnapshot(root: Node, maxChars: number): Snapshot | null {
  const type = root.nodeType;
  if (type !== Node.ELEMENT_NODE && type !== Node.DOCUMENT_FRAGMENT_NODE) return null;
  const doc = root.ownerDocument!;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const segments: Segment[] = [];
  let parts: string[] = [];
  let marks: number[] = [];
  let nodes: Text[] = [];
  let segAt = 0;
  let segChars = 0;
  let offset = 0;
  let chars = 0;
  const close = () => {
    if (parts.length) segments.push({ at: segAt, parts, marks, nodes });
    parts = [];
    marks = [];
    nodes = [];
    segChars = 0;
  };
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    const len = data.length;
    // Only a long text pays for the parent check.
    if (len > LONG && LEFT_OUT.has(n.parentElement?.localName ?? '')) {
      close();
      offset += len;
      segAt = offset;
      continue;
    }
    if (segChars + len > maxChars && parts.length) {
      close();
      segAt = offset;
    }
    if (len <= SHORT && len > 1) {
      const mark = MARKS.get(n.parentElement?.localName ?? '');
      if (mark !== undefined) marks.push(parts.length, mark);
    }
    parts.push(data);
    nodes.push(n as Text);
    segChars += len;
    offset += len;
    chars += len;
  }
  close();
  return { segments, chars, length: offset };
}

const NONE: readonly number[] = Object.freeze([]);

/** Which of a snapshot's matches the walk looks at (see SnapshotMatches.choosePlaces). */
export interface PlaceChoice {
  /** Matches of glossary entries: every one, each entry's first only, or those of the given entries. */
  entries: 'all' | 'first' | ReadonlySet<number>;
  /** With 'first': entries to leave out (already on the page); asked once per entry. */
  known?: (entry: number) => boolean;
  /** How many AI-keyword matches, from the first on (0: none, Infinity: all). */
  keywords: number;
}

const ALL: PlaceChoice = { entries: 'all', keywords: Infinity };

export class SnapshotMatches {
  /** Per segment, where each part starts in it; made on first use. */
  private starts: (number[] | undefined)[];
  /** Per segment, the next match to look at (blocks come in text order). */
  private cursor: number[];
  private seg = 0;

  /** Where the walk must look, as sorted, merged [start, end) root offsets. */
  private ranges: number[] | null = null;
  private rangeCursor = 0;

  constructor(
    private readonly segments: readonly Segment[],
    /** Per segment: flat (start, end, terminal) triples within the joined segment, in text order. */
    private readonly found: readonly (readonly number[])[],
    /** Per segment: flat (start, end) of places only the spaced reading matched (match-snapshot.ts). */
    private readonly extra: readonly (readonly number[])[] = [],
    /** Length of the root's whole text when the snapshot was read. */
    readonly length = 0,
  ) {
    this.starts = new Array<number[] | undefined>(segments.length);
    this.cursor = segments.map(() => 0);
  }

  /**
   * Have the walk look only at the chosen matches and at every place only the spaced reading
   * matched; until this is called it looks at every match. Returns the entries whose matches
   * were chosen, each with the root offset of its first chosen match.
   */
  choosePlaces(choice: PlaceChoice): Map<number, number> {
    const chosen = new Map<number, number>();
    /** With 'first': entries whose first match has gone by. */
    const seen = new Set<number>();
    const out: number[] = [];
    const { entries, known } = choice;
    let keywords = choice.keywords;
    // Matches come in text order, segment after segment: merged as they come, one loop.
    for (let k = 0; k < this.segments.length; k++) {
      const at = this.segments[k]!.at;
      const f = this.found[k] ?? NONE;
      for (let j = 0; j < matchCount(f); j++) {
        const t = matchTerminal(f, j);
        if (t === KEYWORD) {
          if (keywords <= 0) continue;
          keywords--;
        } else {
          const e = terminalEntry(t);
          if (entries === 'first') {
            if (seen.has(e)) continue;
            seen.add(e);
            if (known?.(e)) continue;
          } else if (entries !== 'all' && !entries.has(e)) continue;
          if (!chosen.has(e)) chosen.set(e, at + matchStart(f, j));
        }
        pushMerged(out, at + matchStart(f, j), at + matchEnd(f, j));
      }
    }
    this.ranges = withExtra(out, this.segments, this.extra);
    this.rangeCursor = 0;
    return chosen;
  }

  /**
   * The first root offset at or after `from` where a block may hold a match; Infinity when
   * none is left. Asked with growing `from` (the walk's position).
   */
  nextPlace(from: number): number {
    if (!this.ranges) this.choosePlaces(ALL);
    const r = this.ranges!;
    let i = this.rangeCursor;
    if (i > 0 && r[i - 1]! > from) i = 0;
    while (i < r.length && r[i + 1]! <= from) i += 2;
    this.rangeCursor = i;
    return i < r.length ? Math.max(r[i]!, from) : Infinity;
  }

  /**
   * The matches of a block whose text starts at `at` in the root's whole text, as flat
   * (start, end, terminal) triples within the block; null when the block must be matched alone.
   */
  forBlock(text: string, at: number): readonly number[] | null {
    const segments = this.segments;
    if (segments.length === 0) return null;
    // Blocks come in text order; start over if one does not (the DOM changed under the walk).
    if (at < segments[this.seg]!.at) this.seg = 0;
    while (this.seg + 1 < segments.length && segments[this.seg + 1]!.at <= at) this.seg++;
    const parts = segments[this.seg]!.parts;
    const starts = (this.starts[this.seg] ??= partStarts(parts));
    const size = starts[starts.length - 1]!;
    const from = at - segments[this.seg]!.at;
    const to = from + text.length;
    if (from < 0 || to > size || !holds(parts, starts, from, text)) return null;
    // The block's first and last words read the same only if what surrounds them cannot join them.
    if (
      from > 0 &&
      ((!isBoundaryCode(charAt(parts, starts, from - 1)) && !isBoundaryCode(text.charCodeAt(0))) || inLineBreak(parts, starts, from, size))
    )
      return null;
    if (
      to < size &&
      ((!isBoundaryCode(charAt(parts, starts, to)) && !isBoundaryCode(text.charCodeAt(text.length - 1))) ||
        inLineBreak(parts, starts, to, size))
    )
      return null;

    const flat = this.found[this.seg] ?? NONE;
    const count = matchCount(flat);
    // The cursor is a match number: blocks come in text order, so the search goes on from there.
    let k = this.cursor[this.seg]!;
    if (k > 0 && matchEnd(flat, k - 1) > from) k = 0;
    while (k < count && matchEnd(flat, k) <= from) k++;
    this.cursor[this.seg] = k;
    let out: number[] | null = null;
    for (; k < count && matchStart(flat, k) < to; k++) {
      const start = matchStart(flat, k);
      const end = matchEnd(flat, k);
      // A match across the block's edge: the block alone may match differently there.
      if (start < from || end > to) return null;
      (out ??= []).push(start - from, end - from, matchTerminal(flat, k));
    }
    return out ?? NONE;
  }
}

/** Where each part starts in the joined segment, and (last) the segment's length. */
function partStarts(parts: readonly string[]): number[] {
  const out = new Array<number>(parts.length + 1);
  let n = 0;
  for (let i = 0; i < parts.length; i++) {
    out[i] = n;
    n += parts[i]!.length;
  }
  out[parts.length] = n;
  return out;
}

/** Index of the part that holds the character at `offset` (0 <= offset < length). */
function partAt(starts: readonly number[], offset: number): number {
  // The last start is the segment's length, past any offset asked about.
  return lastAtOrBefore(starts, offset);
}

function charAt(parts: readonly string[], starts: readonly number[], offset: number): number {
  const i = partAt(starts, offset);
  return parts[i]!.charCodeAt(offset - starts[i]!);
}

/**
 * Whether the edge before `p` lies inside a word's invisible line break (char-rules.ts: a hyphen,
 * white space with a line feed, the word going on), which white space alone would seem to end.
 */
function inLineBreak(parts: readonly string[], starts: readonly number[], p: number, size: number): boolean {
  let q = p - 1;
  while (q >= 0 && p - q <= MAX_BREAK && isSpaceCode(charAt(parts, starts, q))) q--;
  if (q < 1 || p - q > MAX_BREAK) return false;
  if (!mayBreakWord(charAt(parts, starts, q))) return false;
  // Only the few characters around the edge are joined, to be read as the matcher reads them.
  let end = p;
  while (end < size && end - q <= MAX_BREAK && isSpaceCode(charAt(parts, starts, end))) end++;
  if (end >= size) return false;
  let around = '';
  for (let i = q - 1; i <= end; i++) around += String.fromCharCode(charAt(parts, starts, i));
  return isWordCode(around.charCodeAt(0)) && continuesAfterBreak(around, 1, around.length) > 0;
}

/** White space a line break may span inside a word (spaces, a line feed, indentation). */
const MAX_BREAK = 64;

/** Whether the joined parts hold `text` at `from`, compared part by part (nothing is joined). */
function holds(parts: readonly string[], starts: readonly number[], from: number, text: string): boolean {
  if (text.length === 0) return true;
  let i = partAt(starts, from);
  let pos = from - starts[i]!;
  let t = 0;
  while (t < text.length) {
    const p = parts[i];
    if (p === undefined) return false;
    const n = Math.min(p.length - pos, text.length - t);
    if (n > 0) {
      // A whole part compares in place; only a part cut by the block's edge is sliced.
      const same = pos === 0 && n === p.length ? text.startsWith(p, t) : p.slice(pos, pos + n) === text.slice(t, t + n);
      if (!same) return false;
    }
    t += n;
    i++;
    pos = 0;
  }
  return true;
}

/** Add the places only the spaced reading matched to sorted, merged ranges. */
function withExtra(ranges: number[], segments: readonly Segment[], extra: readonly (readonly number[])[]): number[] {
  const more: [number, number][] = [];
  segments.forEach((s, k) => {
    const e = extra[k] ?? NONE;
    for (let i = 0; i + 1 < e.length; i += 2) more.push([s.at + e[i]!, s.at + e[i + 1]!]);
  });
  if (more.length === 0) return ranges;
  for (let i = 0; i + 1 < ranges.length; i += 2) more.push([ranges[i]!, ranges[i + 1]!]);
  more.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [a, b] of more) pushMerged(out, a, b);
  return out;
}

/** Append [a, b) to flat sorted ranges, merged into the last one when they overlap or touch. */
function pushMerged(out: number[], a: number, b: number): void {
  if (out.length && a <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, b);
  else out.push(a, b);
}
