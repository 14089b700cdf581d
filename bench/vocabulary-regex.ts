/**
 * The baseline's vocabulary: every surface form the extension matches (terms, aliases and their
 * generated variants), as one case-insensitive regular expression for mark.js `markRegExp`,
 * longest forms first so alternation prefers them, on word boundaries.
 */
import type { Entry } from '../glossary/schema';
import { formVariants } from '../matching/variants';

export function vocabularySource(entries: readonly Pick<Entry, 'term' | 'aliases' | 'gatedAliases'>[]): string {
  const forms = new Set<string>();
  for (const e of entries)
    for (const f of [e.term, ...e.aliases, ...e.gatedAliases]) for (const v of formVariants(f)) forms.add(v.toLowerCase());
  const escaped = [...forms].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `\\b(?:${escaped.join('|')})\\b`;
}
