/**
 * Script lifetime: when a copy of the content script must stand down.
 *
 * What it does: `startLifetime` announces a new copy to its window with one DOM event and
 * listens for the next copy's announcement; a copy ends when a newer one starts in the same
 * window (the background adds the script to tabs that were open before an install or update,
 * where an orphaned older copy may still be watching the page), or when its extension is gone
 * (`alive` says false: the extension was updated, disabled or removed). Ending runs the
 * registered callbacks once, each on its own, so one that throws does not keep the others from
 * cleaning up.
 * This is the part of WXT's content-script context the extension uses. The context also makes
 * an AbortController, a location watcher (the Navigation API) and timer wrappers on every page
 * it loads on; on the benchmark's machine that cost every page about 0.65 ms of main-thread CPU
 * (1-2 ms wall), an eighth of the budget for a page with no terms (README, Benchmark).
 * Cost: one Event and one listener per page.
 * Must never: end on its own announcement, or run a callback twice.
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
  // a CustomEvent on the document cost a fresh content-script world about 0.1 ms more.
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
