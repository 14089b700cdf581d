// @vitest-environment happy-dom
/**
 * The mutation batcher delivers a change once the page is quiet, and asking whether a change is
 * pending (the PDF viewer asks on every get-page-terms) never puts the delivery off.
 */
import { describe, expect, it, vi } from 'vitest';
import { MutationBatcher } from '../../page/shared/mutation-batcher';

describe('MutationBatcher', () => {
  it('says a change is pending until its batch is delivered, however often it is asked', async () => {
    document.body.innerHTML = '<main></main>';
    const batches: Node[][] = [];
    const batcher = new MutationBatcher(document.body, (b) => batches.push(b.roots), { delayMs: 120, maxWaitMs: 600 });
    batcher.start();
    expect(batcher.pending).toBe(false);
    const p = document.createElement('p');
    p.textContent = 'inner alignment';
    document.querySelector('main')!.append(p);
    // Records not yet handed to the observer's callback count too.
    expect(batcher.pending).toBe(true);
    // Asking again, with nothing new, leaves the timer as it is: a browser that clamps a
    // background tab's timers to a second would otherwise never deliver while it is polled.
    const setTimer = vi.spyOn(globalThis, 'setTimeout');
    const clearTimer = vi.spyOn(globalThis, 'clearTimeout');
    for (let i = 0; i < 10; i++) expect(batcher.pending).toBe(true);
    expect(setTimer).not.toHaveBeenCalled();
    expect(clearTimer).not.toHaveBeenCalled();
    setTimer.mockRestore();
    clearTimer.mockRestore();
    while (batches.length === 0) await new Promise((r) => setTimeout(r, 20));
    expect(batches).toEqual([[p]]);
    expect(batcher.pending).toBe(false);
    batcher.stop();
  });
});
