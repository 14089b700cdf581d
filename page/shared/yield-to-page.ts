/**
 * Yield to the page between slices of work: `scheduler.yield()` where the browser has it, else a
 * MessageChannel round trip (a macrotask without setTimeout's 4 ms clamp).
 * Cost: one task boundary per call.
 * Must never: be used inside a loop without a time check; yielding per item is slower than work.
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}
