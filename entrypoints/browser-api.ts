/**
 * The extension API for a content-script world that has none of its own: webextension-polyfill's
 * promise-based `browser`, left on the world's global for glossary-content.js. Only a Chromium
 * before 148 needs it; there the background injects this script into the frame that asks
 * (platform/content-browser.ts). Where the browser has its own promise-based `browser` (Firefox,
 * current Chromium) the polyfill hands that over and this script changes nothing.
 * Cost: 10 kB to compile, only in the frames of a browser that needs it.
 */
import { browser } from 'wxt/browser';

export default defineUnlistedScript(() => {
  const world = globalThis as { browser?: unknown };
  world.browser ??= browser;
});
