/** Small glossary fixtures for unit tests: the matcher is tested on entries we control. */
import type { TooltipActions } from '../../page/shared/tooltip';
import { compileMatcher } from '../../matching/compile';
import { findMatches } from '../../matching/find-matches';
import { KEYWORD, terminalEntry, terminalGated } from '../../matching/compiled';
import { GlossaryTooltip } from '../../page/tooltip/glossary-tooltip';
import type { EntryCache } from '../../page/full/entry-cache';

export interface MiniEntry {
  id: string;
  term: string;
  aliases?: string[];
  gatedAliases?: string[];
  ambiguity?: 'low' | 'medium' | 'high';
}

export function compileMini(entries: MiniEntry[]) {
  return compileMatcher(
    entries.map((e) => ({
      id: e.id,
      term: e.term,
      aliases: e.aliases ?? [],
      gatedAliases: e.gatedAliases ?? [],
      ambiguity: e.ambiguity ?? 'low',
    })),
  );
}

/** Matches as [surface text, entry id] pairs; keywords as [text, '#keyword']. */
export function matchPairs(entries: MiniEntry[], text: string): [string, string][] {
  const m = compileMini(entries);
  return findMatches(m, text).map((x) => [
    text.slice(x.start, x.end),
    x.terminal === KEYWORD ? '#keyword' : m.ids[terminalEntry(x.terminal)]! + (terminalGated(x.terminal) ? '?' : ''),
  ]);
}

/** The tooltip UI as extension pages load it: imported directly, no injection. */
export const testTooltip = async () => (doc: Document, entries: EntryCache, actions?: TooltipActions) =>
  new GlossaryTooltip(doc, entries, '', actions);
