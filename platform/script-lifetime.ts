/**
 * Script lifetime: a content script copy ends when a newer one starts in its window or its
 * extension is gone; the one part of WXT's costlier context we need (measured: bench/README.md).
 * Cost: one Event and one listener per page.
 * Must never: end on its own announcement, run a callback twice, or let a throwing one stop others.
 */
export interface ScriptLifetime {
  /** Whether this copy has ended (asking also notices an extension that is gone). */
  readonly ended: boolean;
  /** Run `cb` when this copy ends. */
  onEnd(cb: () => void): void;
}

/**
 * `eventName` is the same for every copy of this script of this extension; `alive` says whether
 * the extension that loaded this copy is still there.
 */
export function startLifetime(target: EventTarget, eventName: string, alive: () => boolean): ScriptLifetime {
  const callbacks: (() => void)[] = [];
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    target.removeEventListener(eventName, onStarted);
    for (const cb of callbacks.splice(0)) {
      try {
        cb();
      } catch (err) {
        console.warn('Alignment Glossary: could not stand down cleanly', err);
      }
    }
  };
  const onStarted = () => end();
  // Announce first, then listen: a copy never hears itself start. A plain Event on the window:
  // a CustomEvent on the document costs a fresh content-script world more (bench/README.md).
  target.dispatchEvent(new Event(eventName));
  target.addEventListener(eventName, onStarted);
  return {
    get ended() {
      if (!ended && !alive()) end();
      return ended;
    },
    onEnd(cb) {
      if (ended) cb();
      else callbacks.push(cb);
    },
  };
}
