/**
 * Entry cache: card data asked of the background when the pointer lands on a term, once per
 * entry, so it arrives during the hover delay; the content script ships no definitions.
 * Cost: one message per distinct entry hovered; nothing at page load.
 * Must never: block the page, or throw when the background cannot answer (the card stays closed).
 */
import type { CardEntry } from '../../glossary/display-types';

export type FetchEntry = (index: number) => Promise<CardEntry | null>;

export class EntryCache {
  private done = new Map<number, CardEntry>();
  private pending = new Map<number, Promise<CardEntry | null>>();

  constructor(private readonly fetchEntry: FetchEntry) {}

  /** Forget every card (the reader's own terms or notes changed). */
  clear(): void {
    this.done.clear();
    this.pending.clear();
  }

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
