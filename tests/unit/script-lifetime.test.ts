// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { startLifetime } from '../../platform/script-lifetime';

const EVENT = 'test-extension:alignment-glossary:started';

describe('script lifetime', () => {
  it('a copy keeps running until a newer copy starts in the same window, then stands down once', () => {
    const older = startLifetime(window, EVENT, () => true);
    const stop = vi.fn();
    older.onEnd(stop);
    expect(older.ended).toBe(false);

    const newer = startLifetime(window, EVENT, () => true);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(older.ended).toBe(true);
    // The newer copy did not hear its own announcement.
    expect(newer.ended).toBe(false);

    startLifetime(window, EVENT, () => true);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(newer.ended).toBe(true);
  });

  it('another script or extension starting does not end this copy', () => {
    const copy = startLifetime(window, EVENT, () => true);
    startLifetime(window, 'other-extension:alignment-glossary:started', () => true);
    window.dispatchEvent(new Event('unrelated'));
    expect(copy.ended).toBe(false);
  });

  it('ends when its extension is gone, and a callback added afterwards runs at once', () => {
    let alive = true;
    const copy = startLifetime(window, 'gone:alignment-glossary:started', () => alive);
    const stop = vi.fn();
    copy.onEnd(stop);
    alive = false;
    expect(copy.ended).toBe(true);
    expect(stop).toHaveBeenCalledTimes(1);
    const late = vi.fn();
    copy.onEnd(late);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('one callback that throws does not keep the others from cleaning up', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const copy = startLifetime(window, 'throws:alignment-glossary:started', () => true);
    const second = vi.fn();
    copy.onEnd(() => {
      throw new Error('boom');
    });
    copy.onEnd(second);
    startLifetime(window, 'throws:alignment-glossary:started', () => true);
    expect(second).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
