/**
 * Match source in this thread: the PDF viewer (an extension page) and the tests hold the matcher
 * themselves. Kept apart from match-source.ts so the every-page script never bundles the matcher.
 * Cost: the matcher's, on this thread. Must never: change the shared matcher's lists.
 */
import type { CompiledMatcher } from '../../matching/compiled';
import { matchTexts } from '../../matching/match-texts';
import { matchSnapshot } from '../../matching/match-snapshot';
import { snapshotTexts } from '../../matching/snapshot-wire';
import { PAGE_BASE } from '../../matching/page-entry';
import { DefinedHere } from './defined-here';
import { withUserMatches } from '../../matching/user-matches';
import { keptPerText, learner, perText, type MatchSource } from './match-source';

/** `user`: the reader's own terms as a matcher, when they have any (matching/user-matches.ts). */
export function localMatchSource(m: CompiledMatcher, user: () => CompiledMatcher | null = () => null): MatchSource {
  // Copies: page terms are added to this page's lists, never to the shared matcher's.
  const ids = [...m.ids];
  const terms = [...m.terms];
  const learn = learner(ids, terms);
  const defined = new DefinedHere(PAGE_BASE);
  return {
    ids,
    terms,
    defined,
    match: (texts) => {
      const reply = withUserMatches(matchTexts(m, texts, defined.context()), texts, user());
      defined.learn(reply);
      learn(reply.names);
      return Promise.resolve(keptPerText(texts.length, reply.matches, defined));
    },
    matchSnapshot: (segments, marks, shown) => {
      const wire = snapshotTexts(segments, marks);
      const reply = withUserMatches(matchSnapshot(m, { ...wire, ...defined.context() }), wire.texts, user());
      defined.learn(reply, shown);
      learn(reply.names);
      return Promise.resolve({
        found: keptPerText(segments.length, reply.matches, defined),
        extra: perText(segments.length, reply.extra, 3),
        evidence: reply.evidence,
      });
    },
  };
}
