/**
 * Look-up: which glossary entry a selected phrase names exactly, folding case, hyphens, quotes and
 * British spellings as the popup's search does, against every term and alias.
 * Cost: one pass over the glossary's forms per look-up (context-menu clicks only).
 * Must never: guess; a fuzzy look-up belongs to the popup's search, where the reader can choose.
 */
import type { DisplayEntry } from '../glossary/display-types';
import { foldForSearch } from '../search/glossary-search';

export function exactEntry(entries: readonly DisplayEntry[], selection: string): DisplayEntry | null {
  const q = foldForSearch(selection.replace(/\s+/g, ' ').slice(0, 200));
  if (!q) return null;
  return entries.find((e) => [e.term, ...e.aliases].some((f) => foldForSearch(f) === q)) ?? null;
}
