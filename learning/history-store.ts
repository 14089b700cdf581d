/**
 * Look-up history: each glossary card a reader opens (a hover past the intent delay, a pin, a popup
 * entry), one row per term with a count and the last date; page addresses only when the reader
 * turns on "remember where I saw it". Local storage only (`local:history`, versioned).
 * Cost: one read and one write per look-up. Must never: store an address unasked, or lose the
 * earlier history when a write fails (a storage write replaces the value whole or not at all).
 */
import { storage } from 'wxt/utils/storage';
import { ENTRY_ID } from '../settings/settings';

export interface HistoryRow {
  id: string;
  term: string;
  count: number;
  /** When it was last looked up (ms since the epoch). */
  last: number;
  /** Where it was seen, most recent first (only with "remember where I saw it"). */
  pages?: string[];
}

export type HistoryOrder = 'recent' | 'count';

/** Rows are terms, so the glossary and the reader's own terms stay far below this. */
export const MAX_HISTORY_ROWS = 100_000;
/** Addresses kept per term, most recent first. */
export const MAX_PAGES_PER_ROW = 20;

const item = storage.defineItem<unknown>('local:history', { fallback: null, version: 1 });

/** The rows of a stored value; a row that is not one is dropped, the rest kept. */
export function sanitizeHistory(raw: unknown): HistoryRow[] {
  const rows =
    typeof raw === 'object' && raw !== null && Array.isArray((raw as { rows?: unknown }).rows) ? (raw as { rows: unknown[] }).rows : [];
  const out: HistoryRow[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (typeof r !== 'object' || r === null) continue;
    const { id, term, count, last, pages } = r as Record<string, unknown>;
    if (typeof id !== 'string' || !(ENTRY_ID.test(id) || id.startsWith('user:')) || seen.has(id)) continue;
    if (typeof term !== 'string' || typeof count !== 'number' || !(count >= 1) || typeof last !== 'number' || !Number.isFinite(last))
      continue;
    seen.add(id);
    const kept = Array.isArray(pages) ? pages.filter((p): p is string => typeof p === 'string').slice(0, MAX_PAGES_PER_ROW) : [];
    out.push({ id, term, count: Math.floor(count), last, ...(kept.length ? { pages: kept } : {}) });
    if (out.length >= MAX_HISTORY_ROWS) break;
  }
  return out;
}

export async function loadHistory(): Promise<HistoryRow[]> {
  try {
    return sanitizeHistory(await item.getValue());
  } catch (err) {
    console.warn('Alignment Glossary: could not read the history', err);
    return [];
  }
}

export type RecordResult = 'recorded' | 'full';

/** The rows with one more look-up of `id` (pure: the store's writes and the tests use it). */
export function withLookup(
  rows: readonly HistoryRow[],
  lookup: { id: string; term: string; page?: string },
  now: number,
): HistoryRow[] | 'full' {
  const i = rows.findIndex((r) => r.id === lookup.id);
  const old = i >= 0 ? rows[i]! : null;
  if (!old && rows.length >= MAX_HISTORY_ROWS) return 'full';
  const pages = lookup.page
    ? [lookup.page, ...(old?.pages ?? []).filter((p) => p !== lookup.page)].slice(0, MAX_PAGES_PER_ROW)
    : old?.pages;
  const row: HistoryRow = {
    id: lookup.id,
    term: lookup.term,
    count: (old?.count ?? 0) + 1,
    last: now,
    ...(pages?.length ? { pages } : {}),
  };
  const out = rows.slice();
  if (i >= 0) out[i] = row;
  else out.push(row);
  return out;
}

// Look-ups from one context are written one after another, so two quick ones both count.
let writes: Promise<unknown> = Promise.resolve();

export function recordLookup(lookup: { id: string; term: string; page?: string }, now = Date.now()): Promise<RecordResult> {
  const run = writes.then(async () => {
    const next = withLookup(await loadHistory(), lookup, now);
    if (next === 'full') return 'full' as const;
    await item.setValue({ rows: next });
    return 'recorded' as const;
  });
  writes = run.catch(() => {});
  return run;
}

export function clearHistory(): Promise<void> {
  const run = writes.then(() => item.removeValue());
  writes = run.catch(() => {});
  return run;
}

/** Most recent first, or most looked up first (then most recent). */
export function sortedHistory(rows: readonly HistoryRow[], order: HistoryOrder): HistoryRow[] {
  return rows.slice().sort((a, b) => (order === 'count' ? b.count - a.count || b.last - a.last : b.last - a.last));
}
