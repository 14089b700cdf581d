/**
 * What a page has defined of its own so far (matching/page-terms.ts): the definitions the matcher
 * is sent with each text, and, for the cards, each page term's defining sentence and each glossary
 * entry's note. Cost: a short list per page, sent along with its texts.
 * Must never: forget a definition while the page lives, or give two page terms one entry index.
 */
import type { KnownDefinition, NewDefinition } from '../../matching/page-terms';
import type { PageContext } from '../../matching/match-texts';

export interface DefinedTerm {
  id: string;
  term: string;
  acronym?: string;
  sentence: string;
}

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

  /** Learn what a reply found; replies may come in any order, and a definition read twice is kept once. */
  learn(defs: readonly NewDefinition[] | undefined, notes: Record<number, string> | undefined): void {
    for (const d of defs ?? []) {
      if (this.defs.some((k) => k.key === d.key)) continue;
      this.defs.push({ i: d.i, term: d.term, ...(d.acronym ? { acronym: d.acronym } : {}), key: d.key });
      this.nextPage = Math.max(this.nextPage, d.i + 1);
      if (d.glossary) continue;
      const had = this.terms.get(d.i);
      if (!had) this.terms.set(d.i, { id: d.id, term: d.term, ...(d.acronym ? { acronym: d.acronym } : {}), sentence: d.sentence });
      // A term defined again with an acronym keeps its first definition and gains the acronym.
      else if (!had.acronym && d.acronym) had.acronym = d.acronym;
    }
    for (const [e, sentence] of Object.entries(notes ?? {})) if (!this.notes.has(Number(e))) this.notes.set(Number(e), sentence);
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
