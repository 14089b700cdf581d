/**
 * Opt-in sync of what the reader has learned (known terms, their own terms, their notes) through
 * the browser's own sync storage: packed into items under its per-item quota, as much as fits the
 * total, with what did not fit counted and said. The most recent change from any browser wins;
 * terms and notes a partial copy left out are kept where they are. Cost: one write per change
 * while on. Must never: run while off, or delete local data because a copy was partial.
 */
import type { MyGlossary, UserTerm } from '../settings/my-glossary';

export interface Learned {
  knownTerms: string[];
  userTerms: UserTerm[];
  notes: Record<string, string>;
}

export interface SyncCopy extends Learned {
  /** Which browser wrote it, and when (ms since the epoch). */
  device: string;
  updated: number;
  /** What did not fit the sync quota (kept only in the browser that wrote it). */
  left: { userTerms: number; notes: number };
}

/** Chrome's sync quota (Firefox's is the same or larger): per item, in all. Some room is kept. */
export const SYNC_ITEM_BYTES = 8_000;
export const SYNC_TOTAL_BYTES = 96_000;
export const SYNC_PREFIX = 'agc-learned-';

/** Where the background keeps what the last sync did, for the options page. */
export const SYNC_STATUS_KEY = 'sync-status';

export interface SyncStatus {
  at: number;
  ok: boolean;
  /** What did not fit the sync quota and stays only in this browser. */
  left?: { userTerms: number; notes: number };
  error?: string;
}

const bytes = (s: string) => new TextEncoder().encode(s).length;

/**
 * The copy to sync: known terms first, then notes, then the reader's terms, each as far as the
 * total quota allows; items of at most SYNC_ITEM_BYTES each (key and value counted).
 */
export function packSync(learned: Learned, device: string, updated: number): { items: Record<string, string>; copy: SyncCopy } {
  const copy: SyncCopy = { knownTerms: learned.knownTerms, userTerms: [], notes: {}, device, updated, left: { userTerms: 0, notes: 0 } };
  // Each piece is stored as a JSON string, which escapes quotes: a tenth is kept for that.
  const budget = SYNC_TOTAL_BYTES / 1.1 - 400;
  let size = bytes(JSON.stringify(copy));
  const notes = Object.entries(learned.notes);
  for (const [i, [id, text]] of notes.entries()) {
    const more = bytes(JSON.stringify({ [id]: text })) + 1;
    if (size + more > budget) {
      copy.left.notes = notes.length - i;
      break;
    }
    copy.notes[id] = text;
    size += more;
  }
  for (const [i, t] of learned.userTerms.entries()) {
    const more = bytes(JSON.stringify(t)) + 1;
    if (size + more > budget) {
      copy.left.userTerms = learned.userTerms.length - i;
      break;
    }
    copy.userTerms.push(t);
    size += more;
  }
  const json = JSON.stringify(copy);
  const items: Record<string, string> = {};
  // Cut by characters, each counted as it will be stored (UTF-8, inside a JSON string).
  let n = 0;
  let from = 0;
  let used = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    const cost =
      c === 0x22 || c === 0x5c
        ? 2
        : c < 0x20
          ? 6
          : c < 0x80
            ? 1
            : c < 0x800
              ? 2
              : c >= 0xd800 && c < 0xdc00
                ? 4
                : c >= 0xdc00 && c < 0xe000
                  ? 0
                  : 3;
    // A surrogate pair is never split between two pieces.
    if (used + cost > SYNC_ITEM_BYTES - 40 && !(c >= 0xdc00 && c < 0xe000)) {
      items[`${SYNC_PREFIX}${n++}`] = json.slice(from, i);
      from = i;
      used = 0;
    }
    used += cost;
  }
  items[`${SYNC_PREFIX}${n++}`] = json.slice(from);
  items[`${SYNC_PREFIX}count`] = String(n);
  return { items, copy };
}

/** The copy in synced items, or null when there is none or it is incomplete or damaged. */
export function unpackSync(items: Record<string, unknown>): SyncCopy | null {
  const n = Number(items[`${SYNC_PREFIX}count`]);
  if (!Number.isInteger(n) || n < 1 || n > 512) return null;
  let json = '';
  for (let i = 0; i < n; i++) {
    const piece = items[`${SYNC_PREFIX}${i}`];
    if (typeof piece !== 'string') return null;
    json += piece;
  }
  try {
    const c = JSON.parse(json) as SyncCopy;
    if (!Array.isArray(c.knownTerms) || !Array.isArray(c.userTerms) || typeof c.notes !== 'object' || typeof c.device !== 'string')
      return null;
    return c;
  } catch {
    return null;
  }
}

/**
 * What this browser keeps when a copy arrives: the copy's known terms, terms and notes, plus, when
 * the copy was partial, this browser's terms and notes it left out (they did not fit; they are
 * not deleted). `first`: sync was just turned on here, so nothing of this browser's is dropped.
 */
export function applyCopy(local: Learned, copy: SyncCopy, first = false): Learned {
  const key = (t: UserTerm) => t.term.toLowerCase();
  const keepTerms = first || copy.left.userTerms > 0;
  const keepNotes = first || copy.left.notes > 0;
  const userTerms = [...copy.userTerms];
  if (keepTerms) for (const t of local.userTerms) if (!userTerms.some((u) => key(u) === key(t))) userTerms.push(t);
  const notes = keepNotes ? { ...local.notes, ...copy.notes } : { ...copy.notes };
  const knownTerms = first ? [...new Set([...local.knownTerms, ...copy.knownTerms])] : [...copy.knownTerms];
  return { knownTerms, userTerms, notes };
}

/** The reader's learned data from the settings and their glossary. */
export const learnedOf = (knownTerms: readonly string[], mine: MyGlossary): Learned => ({
  knownTerms: [...knownTerms],
  userTerms: mine.userTerms,
  notes: mine.notes,
});
