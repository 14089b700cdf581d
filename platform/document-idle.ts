/**
 * Document idle: when the browser would run a `document_idle` content script. The content script
 * is listed at `document_start` so that its first message wakes a stopped service worker while the
 * page is still loading; it waits here before it reads the page, as it did when listed at idle.
 * Cost: two listeners and two timers per page. Must never: resolve before DOMContentLoaded, or
 * inside the page's own load task.
 */

/** Chromium's rule: at `load`, or this long after DOMContentLoaded if `load` has not come. */
export const IDLE_AFTER_DCL_MS = 200;

export function documentIdle(doc: Document, win: Window): Promise<void> {
  if (doc.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(timer);
      win.removeEventListener('load', done);
      doc.removeEventListener('DOMContentLoaded', interactive);
      // In a task of its own, as the browser runs an idle script: what follows must not lengthen
      // the page's load task, whose layout often comes right after it.
      setTimeout(resolve, 0);
    };
    const interactive = () => {
      timer = setTimeout(done, IDLE_AFTER_DCL_MS);
    };
    win.addEventListener('load', done);
    if (doc.readyState === 'interactive') interactive();
    else doc.addEventListener('DOMContentLoaded', interactive);
  });
}
