import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentIdle, IDLE_AFTER_DCL_MS } from '../../platform/document-idle';

/** A document and window that say what state they are in and fire what they are told. */
function loadingPage(readyState: DocumentReadyState) {
  const doc = new EventTarget() as EventTarget & { readyState: DocumentReadyState };
  doc.readyState = readyState;
  const win = new EventTarget();
  return { doc, win, idle: documentIdle(doc as unknown as Document, win as unknown as Window) };
}

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  // Every promise callback queued so far runs before this returns, but no new task does.
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
};

describe('documentIdle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for the page to load, and then for a task of its own (not the page load task)', async () => {
    const { doc, win, idle } = loadingPage('loading');
    expect(await settled(idle)).toBe(false);
    doc.readyState = 'complete';
    win.dispatchEvent(new Event('load'));
    // Still inside the load event's task: the reading must not lengthen it.
    expect(await settled(idle)).toBe(false);
    await vi.runOnlyPendingTimersAsync();
    expect(await settled(idle)).toBe(true);
  });

  it('does not wait past a slow load: idle comes a fixed time after DOMContentLoaded', async () => {
    const { doc, idle } = loadingPage('loading');
    doc.readyState = 'interactive';
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(await settled(idle)).toBe(false);
    await vi.advanceTimersByTimeAsync(IDLE_AFTER_DCL_MS - 1);
    expect(await settled(idle)).toBe(false);
    // The time is up; the reading then waits for a task of its own.
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(idle)).toBe(false);
    await vi.runOnlyPendingTimersAsync();
    expect(await settled(idle)).toBe(true);
  });

  it('a page that is already complete is idle at once', async () => {
    const { idle } = loadingPage('complete');
    expect(await settled(idle)).toBe(true);
  });
});
