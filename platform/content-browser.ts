/**
 * The content script's promise-based `browser`: the browser's own (Firefox, Chromium 148+), else
 * the polyfill, injected on request, not compiled on every page (measured: bench/README.md).
 * Cost: one property read; where the polyfill is missing, one round trip before the first message.
 * Must never: use `chrome.*` for anything but asking for the polyfill.
 */
import type { browser } from 'wxt/browser';
import type { Message } from '@/messaging/contract';

export type Api = typeof browser;

interface ChromeRuntime {
  id?: string;
  lastError?: { message?: string };
  sendMessage(message: unknown, callback: () => void): void;
}

/** The content-script world's global, as far as this module reads it. */
export interface ApiWorld {
  browser?: Api;
  chrome?: { runtime?: ChromeRuntime };
}

const world = globalThis as ApiWorld;

/** The world's promise-based API, if it has one already (the polyfill's own test). */
export function readyBrowser(w: ApiWorld = world): Api | null {
  return w.browser?.runtime?.id ? w.browser : null;
}

/** The world's promise-based API, after loading the polyfill where the browser has none. */
export async function contentBrowser(w: ApiWorld = world): Promise<Api> {
  const ready = readyBrowser(w);
  if (ready) return ready;
  const runtime = w.chrome?.runtime;
  if (!runtime?.id) throw new Error('Alignment Glossary: no extension API in this world');
  await new Promise<void>((resolve, reject) => {
    // The callback form: it works in every Chromium, and reading lastError keeps it off the console.
    runtime.sendMessage({ type: 'load-browser-api' } satisfies Message<'load-browser-api'>, () => {
      const failed = runtime.lastError;
      if (failed) reject(new Error(`Alignment Glossary: could not load the extension API: ${failed.message ?? 'no reason given'}`));
      else resolve();
    });
  });
  const loaded = readyBrowser(w);
  if (!loaded) throw new Error('Alignment Glossary: browser-api.js ran but left no extension API');
  return loaded;
}
