/**
 * Popup search, typo- and spelling-tolerant: exact term or alias (folded), then prefix, then
 * fuse.js fuzzy over terms, aliases and weakly the gist. Cost: the fuse index once per popup open
 * (measured: bench/README.md); a search is one fuse query and two passes over the folded forms.
 * Must never: search definitions as a strong key (a long text matches everything fuzzily).
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { americanSpelling } from '../matching/variants';
import { readingOf } from '../matching/char-rules';

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
  // The matcher's character rules (char-rules.ts), then hyphens, underscores and slashes as spaces.
  return readingOf(s)
    .toLowerCase()
    .replace(/[\s\-_/]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => americanSpelling(w.replace(/'s$/, '')))
    .join(' ');
}

interface Indexed {
  folded: string[];
}

const FUSE_OPTIONS: IFuseOptions<Indexed> = {
  // Terms and aliases only (aliases through their folded forms): long texts such as a gist
  // match everything a little and cost the most to score.
  // The term is the first folded form, so one key covers term and aliases.
  keys: ['folded'],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 2,
};

export class GlossarySearch {
  private fuse: Fuse<Indexed>;
  /** Folded form -> entries that have it. */
  private exact = new Map<string, number[]>();
  /** Per entry, every word of every folded form (for "starts with" matches). */
  private folded: string[][];
  private words: string[][];
  /** Fuzzy indexes per first letter of a word: typos rarely hit a word's first letter. */
  private byLetter = new Map<string, { fuse: Fuse<Indexed>; ids: number[] }>();

  constructor(private readonly entries: readonly Searchable[]) {
    this.folded = entries.map((e) => [...new Set([e.term, ...e.aliases].map(foldForSearch))]);
    this.words = this.folded.map((forms) => [...new Set(forms.flatMap((f) => f.split(' ')))]);
    this.folded.forEach((forms, i) => {
      for (const f of forms) {
        const list = this.exact.get(f);
        if (list) list.push(i);
        else this.exact.set(f, [i]);
      }
    });
    this.fuse = new Fuse(
      entries.map((_, i) => ({ folded: this.folded[i]! })),
      FUSE_OPTIONS,
    );
    const buckets = new Map<string, number[]>();
    this.words.forEach((ws, i) => {
      for (const letter of new Set(ws.map((w) => w[0]!))) {
        const b = buckets.get(letter);
        if (b) b.push(i);
        else buckets.set(letter, [i]);
      }
    });
    for (const [letter, ids] of buckets) {
      this.byLetter.set(letter, {
        fuse: new Fuse(
          ids.map((i) => ({ folded: this.folded[i]! })),
          FUSE_OPTIONS,
        ),
        ids,
      });
    }
  }

  /** Fuzzy matches among entries sharing a first letter with a query word; all entries if none. */
  private fuzzy(q: string, limit: number): { index: number; score: number }[] {
    const letters = new Set(q.split(' ').map((w) => w[0]!));
    const hits: { index: number; score: number }[] = [];
    for (const l of letters) {
      const b = this.byLetter.get(l);
      if (b) for (const r of b.fuse.search(q, { limit })) hits.push({ index: b.ids[r.refIndex]!, score: r.score ?? 1 });
    }
    if (hits.length === 0) return this.fuse.search(q, { limit }).map((r) => ({ index: r.refIndex, score: r.score ?? 1 }));
    return hits.sort((a, b) => a.score - b.score);
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
    for (const i of this.exact.get(q) ?? []) push(i, 0);
    // Then names that start with the query, or have a word that does ("optim" -> mesa-optimizer).
    for (let i = 0; i < this.folded.length && out.length < limit; i++) {
      if (this.folded[i]!.some((f) => f.startsWith(q)) || (q.length >= 3 && this.words[i]!.some((w) => w.startsWith(q)))) push(i, 0.001);
    }
    if (out.length < limit) for (const r of this.fuzzy(q, limit)) push(r.index, r.score);
    return out.slice(0, limit);
  }
}
