/**
 * webextension-polyfill's promise-based `browser` for a content-script world without one, left on
 * its global for glossary-content.js; injected on request only in a Chromium before 148.
 * Cost: 10 kB to compile, only in the frames of a browser that needs it.
 * Must never: replace a `browser` the world already has (platform/content-browser.ts).
 */
import { browser } from 'wxt/browser';

export default defineUnlistedScript(() => {
  const world = globalThis as { browser?: unknown };
  world.browser ??= browser;
});
