/**
 * Popup search cost per keystroke: each query is typed one character at a time and every
 * prefix is searched, as the popup does on each input event. Runs in Node's V8 (the same engine
 * as Chromium); the index is built once, as the popup builds it on the first keystroke.
 */
import { GlossarySearch, type Searchable } from '../search/glossary-search';
import { mulberry32 } from './generate-page';

export const QUERIES = [
  'mesa optimiser',
  'goodheart',
  'rlhf',
  'treacherus turn',
  'inner alignment',
  'reward hacking',
  'corrigability',
  'goal misgeneralisation',
  'deceptive',
  'scalable oversight',
  'interpretability',
  'instrumental convergence',
  'sparse autoencoder',
  'wireheading',
  'specification gaming',
  'eliciting latent knowledge',
  'power seeking',
  'debate',
  'superposition',
  'orthogonality',
];

export function keystrokeTimings(entries: readonly Searchable[], queries = QUERIES): { buildMs: number; perKey: number[] } {
  const t0 = performance.now();
  const search = new GlossarySearch(entries);
  search.search('warm'); // the popup's first keystroke builds lazily; count the build separately
  const buildMs = performance.now() - t0;
  const perKey: number[] = [];
  for (const q of queries) {
    for (let i = 1; i <= q.length; i++) {
      const s = performance.now();
      search.search(q.slice(0, i));
      perKey.push(performance.now() - s);
    }
  }
  return { buildMs, perKey };
}

/** A synthetic glossary of `n` entries built from real ones (words recombined, seeded). */
export function syntheticEntries(real: readonly Searchable[], n: number, seed = 3): Searchable[] {
  const rand = mulberry32(seed);
  const words = [...new Set(real.flatMap((e) => e.term.split(/[\s-]+/)))];
  const gists = real.map((e) => e.gist);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const out: Searchable[] = [...real];
  while (out.length < n) {
    const len = 1 + Math.floor(rand() * 3);
    const term = Array.from({ length: len }, () => pick(words)).join(' ');
    out.push({ id: `synthetic-${out.length}`, term, aliases: rand() < 0.5 ? [term.replace(/ /g, '-')] : [], gist: pick(gists) });
  }
  return out;
}
