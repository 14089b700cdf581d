/**
 * The extension API for the content script: webextension-polyfill's promise-based `browser`, left
 * on the content-script world's global for glossary-content.js, which the manifest lists right
 * after this script (wxt.config.ts). Where the browser has its own promise-based `browser`
 * (Firefox, current Chromium) the polyfill hands that over and this script changes nothing.
 * It is a file of its own so that the content script can ask V8 to compile all of its functions
 * up front (platform/compile-hint-plugin.ts) without that including the polyfill's wrappers,
 * which only ever run where there is no native `browser`.
 */
import { browser } from 'wxt/browser';

export default defineUnlistedScript(() => {
  const world = globalThis as { browser?: unknown };
  world.browser ??= browser;
});
