/**
 * Matching on a page's behalf, in the background where the matcher stays compiled and optimised:
 * (block, start, end, terminal) quadruples plus each found entry's id and name, so the page needs
 * no glossary data. Cost: one pass over the characters; a few numbers per match.
 * Must never: touch the DOM, or report an entry without its name.
 */
import { KEYWORD, terminalEntry, type CompiledMatcher } from './compiled';
import { findMatches, type TextMatch } from './find-matches';

export interface MatchTextsReply {
  /** Block index, start, end, terminal of each match, flattened, in block and text order. */
  matches: number[];
  /** Entry index -> [id, name], for every entry that occurs in `matches`. */
  names: Record<number, [id: string, term: string]>;
}

/** Offsets in the reply are within each text; block k is texts[k]. */
export function matchTexts(m: CompiledMatcher, texts: readonly string[]): MatchTextsReply {
  const names: MatchTextsReply['names'] = {};
  const matches: number[] = [];
  const buf: TextMatch[] = [];
  for (let k = 0; k < texts.length; k++) {
    buf.length = 0;
    findMatches(m, texts[k]!, buf);
    for (const x of buf) {
      matches.push(k, x.start, x.end, x.terminal);
      if (x.terminal !== KEYWORD) {
        const entry = terminalEntry(x.terminal);
        names[entry] ??= [m.ids[entry]!, m.terms[entry]!];
      }
    }
  }
  return { matches, names };
}
