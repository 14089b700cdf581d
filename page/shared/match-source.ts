/**
 * Match source: matches for a batch of texts, from this thread (extension pages, tests) or the
 * background (content scripts carry no glossary data or matcher, whose code stays warm there).
 * Cost: local, the matcher's; remote, one message per batch (copying it costs less than matching).
 * Must never: resolve matches for texts other than the ones asked about, or in another order.
 */
import type { CompiledMatcher } from '../../matching/compiled';
import { HEADED_WIDTH } from '../../matching/match-list';
import type { Send } from '../../messaging/contract';
import { matchTexts, type MatchTextsReply } from '../../matching/match-texts';
import { matchSnapshot, snapshotTexts, type SnapshotEvidence } from '../../matching/match-snapshot';

export interface MatchSource {
  /** Entry id by entry index (complete when local; filled in as entries occur when remote). */
  readonly ids: readonly string[];
  /** Entry name by entry index, like `ids`. */
  readonly terms: readonly string[];
  /** Per text: start, end, terminal of each match, flattened. */
  match(texts: readonly string[]): Promise<(readonly number[])[]>;
  /**
   * A text snapshot's matches (page/shared/text-snapshot.ts): per segment, start, end, terminal of each
   * match in the joined segment, flattened; and the evidence that decides whether to walk.
   */
  matchSnapshot(segments: readonly (readonly string[])[]): Promise<SnapshotResult>;
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
function perText(count: number, flat: readonly number[], width: 3 | typeof HEADED_WIDTH = HEADED_WIDTH): (readonly number[])[] {
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

export function localMatchSource(m: CompiledMatcher): MatchSource {
  return {
    ids: m.ids,
    terms: m.terms,
    match: (texts) => Promise.resolve(perText(texts.length, matchTexts(m, texts).matches)),
    matchSnapshot: (segments) => {
      const reply = matchSnapshot(m, snapshotTexts(segments));
      return Promise.resolve({
        found: perText(segments.length, reply.matches),
        extra: perText(segments.length, reply.extra, 3),
        evidence: reply.evidence,
      });
    },
  };
}

/** `send` delivers a message to the background and resolves to its reply (messaging/contract.ts). */
export function remoteMatchSource(send: Send): MatchSource {
  const ids: string[] = [];
  const terms: string[] = [];
  const learn = (names: MatchTextsReply['names']) => {
    for (const [k, [id, term]] of Object.entries(names)) {
      ids[Number(k)] = id;
      terms[Number(k)] = term;
    }
  };
  return {
    ids,
    terms,
    async match(texts) {
      const reply = await send({ type: 'match-texts', texts: texts as string[] });
      // No reply: the background could not answer (it was restarting, or the extension updated).
      if (!Array.isArray(reply?.matches) || !reply.names) throw new Error('Alignment Glossary: no matches from the background');
      learn(reply.names);
      return perText(texts.length, reply.matches);
    },
    async matchSnapshot(segments) {
      // One message per segment: the copy into a message is the page's largest cost on a big
      // page, and each reply arrives in a task of its own, so no one task copies the whole text.
      const found: (readonly number[])[] = [];
      const extra: (readonly number[])[] = [];
      const evidence: SnapshotEvidence = { matches: 0, ungated: 0, keywords: 0 };
      for (const segment of segments) {
        const reply = await send({ type: 'match-snapshot', ...snapshotTexts([segment]) });
        if (!Array.isArray(reply?.matches) || !reply.names || !Array.isArray(reply.extra) || !reply.evidence)
          throw new Error('Alignment Glossary: no matches from the background');
        learn(reply.names);
        found.push(perText(1, reply.matches)[0]!);
        extra.push(perText(1, reply.extra, 3)[0]!);
        evidence.matches += reply.evidence.matches;
        evidence.ungated += reply.evidence.ungated;
        evidence.keywords += reply.evidence.keywords;
      }
      return { found, extra, evidence };
    },
  };
}
