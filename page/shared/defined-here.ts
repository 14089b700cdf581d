/**
 * What a page has defined of its own so far (matching/page-terms.ts): the definitions the matcher
 * is sent with each text, and, for the cards, each page term's defining sentence and each glossary
 * entry's note. Cost: a short list per page, sent along with its texts.
 * Must never: keep a definition the page does not show as prose (code, a form field, hidden text),
 * or give two page terms one entry index.
 */
import type { KnownDefinition, NewDefinition } from '../../matching/page-terms';
import type { MatchTextsReply, PageContext } from '../../matching/match-texts';
import { isPageEntry } from '../../matching/page-entry';

export interface DefinedTerm {
  id: string;
  term: string;
  acronym?: string;
  sentence: string;
}

/** Whether the text at `at` in text `text` of a request is prose a reader sees (snapshot texts). */
export type ShownAt = (text: number, at: number) => boolean;

export class DefinedHere {
  private readonly defs: KnownDefinition[] = [];
  private nextPage = 0;
  private readonly terms = new Map<number, DefinedTerm>();
  private readonly notes = new Map<number, string>();

  constructor(firstPageEntry: number) {
    this.nextPage = firstPageEntry;
  }

  /** What goes with a text to the matcher. */
  context(): PageContext {
    return { defs: this.defs, nextPage: this.nextPage };
  }

  /**
   * Learn what a reply found (replies may come in any order; a definition read twice is kept once)
   * and return its matches without the uses of a definition `shown` refused.
   */
  learn(reply: Pick<MatchTextsReply, 'pageDefs' | 'notes' | 'defTexts'>, shown?: ShownAt): void {
    const defs = reply.pageDefs ?? [];
    defs.forEach((d: NewDefinition, j) => {
      if (this.defs.some((k) => k.key === d.key)) return;
      if (shown && !shown(reply.defTexts?.[j] ?? 0, d.at)) return;
      this.defs.push({ i: d.i, term: d.term, ...(d.acronym ? { acronym: d.acronym } : {}), key: d.key });
      this.nextPage = Math.max(this.nextPage, d.i + 1);
      if (d.glossary) return;
      const had = this.terms.get(d.i);
      if (!had) this.terms.set(d.i, { id: d.id, term: d.term, ...(d.acronym ? { acronym: d.acronym } : {}), sentence: d.sentence });
      // A term defined again with an acronym keeps its first definition and gains the acronym.
      else if (!had.acronym && d.acronym) had.acronym = d.acronym;
    });
    for (const [e, [sentence, at, text]] of Object.entries(reply.notes ?? {}))
      if (!this.notes.has(Number(e)) && (!shown || shown(text, at))) this.notes.set(Number(e), sentence);
  }

  /** Whether a match of `entry` may stand: a page term's only while its definition is kept. */
  keeps(entry: number): boolean {
    return !isPageEntry(entry) || this.terms.has(entry);
  }

  /** A page term's definition, by entry index. */
  term(entry: number): DefinedTerm | undefined {
    return this.terms.get(entry);
  }

  /** How the page defines a glossary entry, if it does. */
  note(entry: number): string | undefined {
    return this.notes.get(entry);
  }
}
