/**
 * Match source: matches for a batch of texts, from the background (content scripts carry no
 * glossary data or matcher, whose code stays warm there); local-match-source.ts matches in this
 * thread (extension pages, tests).
 * Cost: local, the matcher's; remote, one message per batch (copying it costs less than matching).
 * Must never: resolve matches for texts other than the ones asked about, or in another order.
 */
import { HEADED_WIDTH } from '../../matching/match-list';
import type { Send } from '../../messaging/contract';
import type { MatchTextsReply } from '../../matching/match-texts';
import { snapshotTexts, type SnapshotEvidence } from '../../matching/snapshot-wire';
import { PAGE_BASE } from '../../matching/page-entry';
import { DefinedHere, type ShownAt } from './defined-here';
import { terminalEntry } from '../../matching/compiled';

export interface MatchSource {
  /** Entry id by entry index (complete when local; filled in as entries occur when remote). */
  readonly ids: readonly string[];
  /** Entry name by entry index, like `ids`. */
  readonly terms: readonly string[];
  /** What the page has defined of its own: its terms (entries from PAGE_BASE) and notes. */
  readonly defined: DefinedHere;
  /** Per text: start, end, terminal of each match, flattened. */
  match(texts: readonly string[]): Promise<(readonly number[])[]>;
  /**
   * A text snapshot's matches (page/shared/text-snapshot.ts): per segment, start, end, terminal of each
   * match in the joined segment, flattened; and the evidence that decides whether to walk.
   * `marks`: per segment, its marked text nodes (part index, mark), flattened.
   */
  matchSnapshot(segments: readonly (readonly string[])[], marks?: readonly (readonly number[])[], shown?: ShownAt): Promise<SnapshotResult>;
}

export interface SnapshotResult {
  found: (readonly number[])[];
  /** Per segment: start, end of each place only the spaced reading matched, flattened. */
  extra: (readonly number[])[];
  evidence: SnapshotEvidence;
}

const NONE: readonly number[] = Object.freeze([]);

/**
 * Per text, the flat tuples of a reply's list headed by text index: (k, start, end, terminal)
 * quadruples give (start, end, terminal) triples, (k, start, end) triples give (start, end) pairs.
 */
export function perText(count: number, flat: readonly number[], width: 3 | typeof HEADED_WIDTH = HEADED_WIDTH): (readonly number[])[] {
  // Most texts have no match: they share one frozen empty list instead of an array each.
  const out: (readonly number[])[] = new Array<readonly number[]>(count).fill(NONE);
  for (let i = 0; i + width - 1 < flat.length; i += width) {
    const k = flat[i]!;
    if (k < 0 || k >= count) continue;
    if (out[k] === NONE) out[k] = [];
    for (let j = 1; j < width; j++) (out[k] as number[]).push(flat[i + j]!);
  }
  return out;
}

/** Per text, its matches less the uses of a page term whose definition was not kept. */
export function keptPerText(count: number, flat: readonly number[], defined: DefinedHere): (readonly number[])[] {
  return perText(count, flat).map((f) => {
    if (f.length === 0) return f;
    const out: number[] = [];
    for (let j = 0; j + 2 < f.length; j += 3) if (defined.keeps(terminalEntry(f[j + 2]!))) out.push(f[j]!, f[j + 1]!, f[j + 2]!);
    return out.length === f.length ? f : out;
  });
}

/** Entry ids and names: the glossary's, then the page terms', learned as replies name them. */
export function learner(ids: string[], terms: string[]) {
  return (names: MatchTextsReply['names']) => {
    for (const [k, [id, term]] of Object.entries(names)) {
      ids[Number(k)] = id;
      terms[Number(k)] = term;
    }
  };
}

/** `send` delivers a message to the background and resolves to its reply (messaging/contract.ts). */
export function remoteMatchSource(send: Send): MatchSource {
  const ids: string[] = [];
  const terms: string[] = [];
  const learn = learner(ids, terms);
  const defined = new DefinedHere(PAGE_BASE);
  return {
    ids,
    terms,
    defined,
    async match(texts) {
      const reply = await send({ type: 'match-texts', texts: texts as string[], ...defined.context() });
      // No reply: the background could not answer (it was restarting, or the extension updated).
      if (!Array.isArray(reply?.matches) || !reply.names) throw new Error('Alignment Glossary: no matches from the background');
      // Blocks come from the walk, which reads only prose: their definitions need no check.
      defined.learn(reply);
      learn(reply.names);
      return keptPerText(texts.length, reply.matches, defined);
    },
    async matchSnapshot(segments, marks, shown) {
      // One message per segment: the copy into a message is the page's largest cost on a big
      // page, and each reply arrives in a task of its own, so no one task copies the whole text.
      const found: (readonly number[])[] = [];
      const extra: (readonly number[])[] = [];
      const evidence: SnapshotEvidence = { matches: 0, ungated: 0, keywords: 0 };
      for (let k = 0; k < segments.length; k++) {
        const wire = snapshotTexts([segments[k]!], marks?.[k] ? [marks[k]!] : undefined);
        const reply = await send({ type: 'match-snapshot', ...wire, ...defined.context() });
        if (!Array.isArray(reply?.matches) || !reply.names || !Array.isArray(reply.extra) || !reply.evidence)
          throw new Error('Alignment Glossary: no matches from the background');
        defined.learn(reply, shown && ((_text, at) => shown(k, at)));
        learn(reply.names);
        found.push(keptPerText(1, reply.matches, defined)[0]!);
        extra.push(perText(1, reply.extra, 3)[0]!);
        evidence.matches += reply.evidence.matches;
        evidence.ungated += reply.evidence.ungated;
        evidence.keywords += reply.evidence.keywords;
      }
      return { found, extra, evidence };
    },
  };
}
