/**
 * Entry cache: the card data of glossary entries, fetched from the background on demand.
 *
 * What it does: the content script ships no definitions (716 kB that every page would parse
 * and keep); when the pointer lands on a term the cache asks the background for that entry, so
 * it has arrived by the time the hover intent delay ends. Each entry is fetched once per page.
 * Cost: one message per distinct entry hovered; nothing at page load.
 * Must never: block the page, or throw when the background cannot answer (the card then stays
 * closed rather than showing something wrong).
 */
import type { CardEntry } from '../glossary/display-types';

export type FetchEntry = (index: number) => Promise<CardEntry | null>;

export class EntryCache {
  private done = new Map<number, CardEntry>();
  private pending = new Map<number, Promise<CardEntry | null>>();

  constructor(private readonly fetchEntry: FetchEntry) {}

  get(index: number): CardEntry | undefined {
    return this.done.get(index);
  }

  load(index: number): Promise<CardEntry | null> {
    const hit = this.done.get(index);
    if (hit) return Promise.resolve(hit);
    let p = this.pending.get(index);
    if (!p) {
      p = this.fetchEntry(index)
        .catch(() => null)
        .then((e) => {
          this.pending.delete(index);
          if (e) this.done.set(index, e);
          return e;
        });
      this.pending.set(index, p);
    }
    return p;
  }
}
