/**
 * The reader's own terms in the background's matching: compiled at run time into a second matcher
 * whose entries take indices from USER_BASE, and merged into a reply of the glossary's matcher
 * (where the two overlap, the longer match wins; the glossary's on a tie). Cost: compiling on each
 * change of the list; one more pass over each text while the reader has terms.
 * Must never: change a reply's matches for a text without a user term, or drop a name.
 */
import { compileMatcher } from './compile';
import { KEYWORD, terminalEntry, terminalOf, type CompiledMatcher } from './compiled';
import { findMatches, type TextMatch } from './find-matches';
import { HEADED_WIDTH } from './match-list';
import type { MatchTextsReply } from './match-texts';
import type { MatchSnapshotReply } from './match-snapshot';
import { USER_BASE } from './page-entry';

export interface UserTermForms {
  id: string;
  term: string;
  aliases?: readonly string[];
}

/** The reader's terms as a matcher (null for none): same variants and case rules as the glossary's. */
export function compileUserTerms(terms: readonly UserTermForms[]): CompiledMatcher | null {
  if (terms.length === 0) return null;
  return compileMatcher(
    terms.map((t) => ({ id: t.id, term: t.term, aliases: [...(t.aliases ?? [])], gatedAliases: [], ambiguity: 'low' as const })),
  );
}

/** One text's matches, the glossary's and the user's together, in text order. */
function merged(glossary: TextMatch[], user: readonly TextMatch[]): TextMatch[] {
  if (user.length === 0) return glossary;
  const overlaps = (a: TextMatch, b: TextMatch) => a.start < b.end && b.start < a.end;
  const len = (x: TextMatch) => x.end - x.start;
  const mine = user.filter((u) => !glossary.some((g) => overlaps(g, u) && len(g) >= len(u)));
  const kept = glossary.filter((g) => !mine.some((u) => overlaps(g, u)));
  return [...kept, ...mine].sort((a, b) => a.start - b.start);
}

/** `reply` (for `texts`) with the user terms' matches merged in; the reply itself when none occurs. */
export function withUserMatches<R extends MatchTextsReply>(reply: R, texts: readonly string[], user: CompiledMatcher | null): R {
  if (!user) return reply;
  const found: TextMatch[][] = texts.map((t) =>
    findMatches(user, t)
      .filter((x) => x.terminal !== KEYWORD)
      .map((x) => ({ ...x, terminal: terminalOf(USER_BASE + terminalEntry(x.terminal), false) })),
  );
  if (found.every((f) => f.length === 0)) return reply;
  const names = { ...reply.names };
  const matches: number[] = [];
  let q = 0;
  for (let k = 0; k < texts.length; k++) {
    const glossary: TextMatch[] = [];
    for (; q < reply.matches.length && reply.matches[q] === k; q += HEADED_WIDTH)
      glossary.push({ start: reply.matches[q + 1]!, end: reply.matches[q + 2]!, terminal: reply.matches[q + 3]! } as TextMatch);
    for (const x of merged(glossary, found[k]!)) {
      matches.push(k, x.start, x.end, x.terminal);
      const e = terminalEntry(x.terminal);
      if (e >= USER_BASE && x.terminal !== KEYWORD) names[e] ??= [user.ids[e - USER_BASE]!, user.terms[e - USER_BASE]!];
    }
  }
  const out = { ...reply, matches, names };
  // A snapshot's evidence counts the user's matches too: a page with only those is walked.
  const evidence = (reply as Partial<MatchSnapshotReply>).evidence;
  if (evidence) {
    const added = found.reduce((n, f) => n + f.length, 0);
    (out as unknown as MatchSnapshotReply).evidence = { ...evidence, matches: evidence.matches + added, ungated: evidence.ungated + added };
  }
  return out;
}
