/**
 * The extension API as the content script sees it: the promise-based `browser` that
 * entrypoints/browser-api.ts (webextension-polyfill, or the browser's own) left on this world's
 * global. The content script reads it from there instead of bundling the polyfill a second time.
 * Cost: one property read.
 * Must never: be imported by a script that the manifest does not list after browser-api.js.
 */
import type { browser } from 'wxt/browser';

type Api = typeof browser;

export function contentBrowser(): Api {
  const api = (globalThis as { browser?: Api }).browser;
  if (!api?.runtime) throw new Error('Alignment Glossary: no extension API in this world (browser-api.js must run before the content script)');
  return api;
}
