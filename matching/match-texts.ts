/**
 * Matching on a page's behalf, in the background where the matcher stays compiled and optimised:
 * (block, start, end, terminal) quadruples plus each found entry's id and name, so the page needs
 * no glossary data; with the page's definitions so far, its own terms too (page-terms.ts).
 * Cost: one pass over the characters; a few numbers per match. Must never: touch the DOM, or
 * report an entry without its name.
 */
import { KEYWORD, terminalEntry, type CompiledMatcher } from './compiled';
import { findMatches, type TextMatch } from './find-matches';
import type { MarkedPart } from './page-definitions';
import { mergeUses, pageTermsIn, type KnownDefinition, type NewDefinition } from './page-terms';

export interface MatchTextsReply {
  /** Block index, start, end, terminal of each match, flattened, in block and text order. */
  matches: number[];
  /** Entry index -> [id, name], for every entry that occurs in `matches` (page terms: when new). */
  names: Record<number, [id: string, term: string]>;
  /** Definitions new to the page (with `page`), in text order. */
  pageDefs?: NewDefinition[];
  /** Glossary entry index -> how the page defines it, and where in which text (with `page`). */
  notes?: Record<number, [sentence: string, at: number, text: number]>;
  /** Per new definition (same order as `pageDefs`): the index of the text it was found in. */
  defTexts?: number[];
}

/** What the page knows of its own terms, sent with its texts. */
export interface PageContext {
  defs: KnownDefinition[];
  /** The index the page's next new term takes. */
  nextPage: number;
}

/** Offsets in the reply are within each text; block k is texts[k]. `marks[k]`: text k's marked nodes. */
export function matchTexts(
  m: CompiledMatcher,
  texts: readonly string[],
  page?: PageContext,
  marks?: readonly (readonly MarkedPart[])[],
): MatchTextsReply {
  const names: MatchTextsReply['names'] = {};
  const matches: number[] = [];
  const buf: TextMatch[] = [];
  const known = page ? [...page.defs] : [];
  let nextPage = page?.nextPage ?? 0;
  const pageDefs: NewDefinition[] = [];
  const defTexts: number[] = [];
  const notes: Record<number, [string, number, number]> = {};
  for (let k = 0; k < texts.length; k++) {
    buf.length = 0;
    findMatches(m, texts[k]!, buf);
    let found: readonly TextMatch[] = buf;
    if (page) {
      const r = pageTermsIn(m, texts[k]!, known, nextPage, marks?.[k]);
      for (const d of r.defs) {
        known.push(d);
        pageDefs.push(d);
        defTexts.push(k);
        names[d.i] ??= [d.id, d.term];
        nextPage = Math.max(nextPage, d.i + 1);
      }
      for (const [e, [sentence, at]] of Object.entries(r.notes)) notes[Number(e)] ??= [sentence, at, k];
      found = mergeUses(buf, r.uses);
    }
    for (const x of found) {
      matches.push(k, x.start, x.end, x.terminal);
      if (x.terminal !== KEYWORD) {
        const entry = terminalEntry(x.terminal);
        if (entry < m.ids.length) names[entry] ??= [m.ids[entry]!, m.terms[entry]!];
      }
    }
  }
  return page ? { matches, names, pageDefs, notes, defTexts } : { matches, names };
}
