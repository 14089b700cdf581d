/**
 * Script lifetime: when a copy of the content script must stand down.
 *
 * What it does: `startLifetime` announces a new copy to its document with one DOM event and
 * listens for the next copy's announcement; a copy ends when a newer one starts in the same
 * document (the background adds the script to tabs that were open before an install or update,
 * where an orphaned older copy may still be watching the page), or when its extension is gone
 * (`alive` says false: the extension was updated, disabled or removed). Ending runs the
 * registered callbacks once, each on its own, so one that throws does not keep the others from
 * cleaning up.
 * This is the part of WXT's content-script context the extension uses. The context also makes
 * an AbortController, a location watcher (the Navigation API) and timer wrappers on every page
 * it loads on; on the benchmark's machine that cost every page about 0.65 ms of main-thread CPU
 * (1-2 ms wall), an eighth of the budget for a page with no terms (README, Benchmark).
 * Cost: one CustomEvent and one listener per page.
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
export function startLifetime(doc: Document, eventName: string, alive: () => boolean): ScriptLifetime {
  const id = Math.random().toString(36).slice(2);
  const callbacks: (() => void)[] = [];
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    doc.removeEventListener(eventName, onStarted);
    for (const cb of callbacks.splice(0)) {
      try {
        cb();
      } catch (err) {
        console.warn('Alignment Glossary: could not stand down cleanly', err);
      }
    }
  };
  function onStarted(event: Event): void {
    // Another world's detail reaches this one as a copy: a string survives the trip.
    if ((event as CustomEvent<unknown>).detail !== id) end();
  }
  // Announce first, then listen: a copy never hears itself start.
  doc.dispatchEvent(new CustomEvent(eventName, { detail: id }));
  doc.addEventListener(eventName, onStarted);
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
