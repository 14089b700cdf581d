// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { EntryCache } from '../../page/full/entry-cache';
import { LazyTooltip } from '../../page/full/lazy-tooltip';
import type { Tooltip, TooltipFactory } from '../../page/shared/tooltip';

/** A stand-in UI that records what it was asked to show. */
function fakeUi(log: string[]): TooltipFactory {
  return () => {
    let open: number | null = null;
    const tip: Tooltip = {
      get isOpen() {
        return open !== null;
      },
      pinned: false,
      get currentId() {
        return open === null ? null : `e${open}`;
      },
      owns: () => false,
      show: async (entry) => {
        open = entry;
        log.push(`show ${entry}`);
      },
      hide: () => {
        open = null;
        log.push('hide');
      },
      reposition: () => {},
      destroy: () => log.push('destroy'),
    };
    return tip;
  };
}

const anchor = { rect: () => new DOMRect() };
const entries = new EntryCache(async () => null);

describe('LazyTooltip', () => {
  it('is closed and loads nothing until a card is needed, then shows it', async () => {
    const log: string[] = [];
    let loads = 0;
    const tip = new LazyTooltip(document, entries, async () => (loads++, fakeUi(log)));
    expect(tip.isOpen).toBe(false);
    expect(loads).toBe(0);
    await tip.show(3, anchor);
    expect(tip.isOpen).toBe(true);
    expect(tip.currentId).toBe('e3');
    await tip.show(4, anchor);
    expect(loads).toBe(1);
    expect(log).toEqual(['show 3', 'show 4']);
  });

  it('lets a hide issued while the UI loads win over the show', async () => {
    const log: string[] = [];
    let release!: (f: TooltipFactory) => void;
    const tip = new LazyTooltip(document, entries, () => new Promise((r) => (release = r)));
    const shown = tip.show(1, anchor);
    tip.hide();
    release(fakeUi(log));
    await shown;
    expect(tip.isOpen).toBe(false);
    expect(log).toEqual([]);
  });

  it('stays closed when the UI cannot load, and tries again on the next show', async () => {
    const log: string[] = [];
    let fail = true;
    const tip = new LazyTooltip(document, entries, async () => {
      if (fail) throw new Error('extension context invalidated');
      return fakeUi(log);
    });
    await expect(tip.show(1, anchor)).resolves.toBeUndefined();
    expect(tip.isOpen).toBe(false);
    fail = false;
    await tip.show(2, anchor);
    expect(log).toEqual(['show 2']);
  });
});
