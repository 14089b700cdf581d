/**
 * Glossary search for the popup: typo- and spelling-tolerant, terms and aliases first.
 *
 * What it does: ranks entries for a query in three tiers: an exact term or alias (after folding
 * case, hyphens and British/American spellings), then a term or alias that starts with the
 * query, then fuse.js fuzzy matches over terms, aliases and (weakly) the gist. "mesa optimiser",
 * "goodheart", "rlhf" and "treacherus turn" each put the intended entry first.
 * Cost: the fuse index is built once per popup open (a few ms for 3,000 entries); a search is
 * one fuse query plus two passes over the folded forms.
 * Must never: search definitions as a strong key (a long text matches everything fuzzily).
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { americanSpelling } from '../matching/variants';

export interface Searchable {
  id: string;
  term: string;
  aliases: readonly string[];
  gist: string;
}

export interface SearchHit {
  index: number;
  score: number;
}

/** Fold a form for comparison: lower case, hyphens and spaces alike, American spellings. */
export function foldForSearch(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2019\u2018']/g, "'")
    .replace(/[\s\-\u2010-\u2013_/]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => americanSpelling(w.replace(/'s$/, '')))
    .join(' ');
}

const FUSE_OPTIONS: IFuseOptions<{ term: string; aliases: readonly string[]; gist: string; folded: string[] }> = {
  keys: [
    { name: 'term', weight: 3 },
    { name: 'folded', weight: 2.5 },
    { name: 'aliases', weight: 2 },
    { name: 'gist', weight: 0.2 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.38,
  minMatchCharLength: 2,
};

export class GlossarySearch {
  private fuse: Fuse<{ term: string; aliases: readonly string[]; gist: string; folded: string[] }>;
  private folded: string[][];

  constructor(private readonly entries: readonly Searchable[]) {
    this.folded = entries.map((e) => [e.term, ...e.aliases].map(foldForSearch));
    this.fuse = new Fuse(
      entries.map((e, i) => ({ term: e.term, aliases: e.aliases, gist: e.gist, folded: this.folded[i]! })),
      FUSE_OPTIONS,
    );
  }

  search(query: string, limit = 20): SearchHit[] {
    const q = foldForSearch(query);
    if (!q) return [];
    const out: SearchHit[] = [];
    const seen = new Set<number>();
    const push = (index: number, score: number) => {
      if (seen.has(index)) return;
      seen.add(index);
      out.push({ index, score });
    };
    // Acronyms and exact names first: "rlhf" is RLHF, not a fuzzy cousin of it.
    this.folded.forEach((forms, i) => forms.includes(q) && push(i, 0));
    this.folded.forEach((forms, i) => forms.some((f) => f.startsWith(q) || f.split(' ').some((w) => w.startsWith(q) && q.length >= 3)) && push(i, 0.001));
    for (const r of this.fuse.search(q, { limit: limit * 2 })) push(r.refIndex, r.score ?? 1);
    return out.slice(0, limit);
  }
}
