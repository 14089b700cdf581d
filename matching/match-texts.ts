/**
 * Matching on behalf of a page: runs the matcher over the texts a content script sends and
 * answers in a compact form.
 *
 * What it does: `matchTexts` finds the glossary forms in each text and returns a flat
 * list of (block, start, end, terminal) quadruples, plus the id and name of every entry that occurs, so the
 * page needs no glossary data of its own. It runs in the background, where the matcher's code
 * stays compiled and optimised from page to page; the page's own thread only walks the DOM.
 * Cost: one pass over the characters (see find-matches.ts) in the background; the reply is a few
 * numbers per match.
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
