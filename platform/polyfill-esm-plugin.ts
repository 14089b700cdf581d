/**
 * Vite plugin: webextension-polyfill as an ES module.
 *
 * What it does: the polyfill ships as UMD (CommonJS when bundled). Importing CommonJS from ES
 * modules makes the bundler copy every property of the exported object onto a namespace object,
 * and on current Chromium and Firefox that object is the browser's own `browser`: reading each
 * property's descriptor instantiates every extension API namespace (`app`, `tabs`, ...), about
 * 1.5 ms on every page the content script runs on. This plugin gives the polyfill's file a local
 * `module` and an `export default`, so it is imported as ES and nothing is copied. The polyfill's
 * own code is unchanged: it still wraps `chrome` where no promise-based `browser` exists.
 * Where the browser has its own `browser` (Firefox, Chromium 14x and later) the polyfill would
 * export that object as it is; the plugin makes that test first, outside the polyfill's factory,
 * so the factory (a third of the content script's source) is never compiled on such browsers,
 * and `chrome.runtime` is not instantiated next to `browser.runtime`. Together about 1-2 ms of
 * every page load, measured in V8's compile trace.
 * If the file no longer has the UMD shape this expects, the build fails rather than ship the
 * slow path silently.
 * Cost: build time only.
 * Must never: change what the polyfill exports, or touch any other file.
 */
import type { Plugin } from 'vite';

const POLYFILL_FILE = /node_modules\/webextension-polyfill\/dist\/browser-polyfill\.js$/;
const UMD_SHAPE = /typeof exports !== "undefined"\)\s*{\s*factory\(module\);/;

export function polyfillAsEsm(code: string): string {
  if (!UMD_SHAPE.test(code)) throw new Error('webextension-polyfill: unexpected file shape; update platform/polyfill-esm-plugin.ts');
  // `define` stays undefined, `exports` defined: the UMD header takes its CommonJS branch.
  // The guard is the polyfill's own test for a native promise-based `browser`, made first.
  return [
    'var module = { exports: {} }, exports = module.exports;',
    'var nativeBrowser = globalThis.browser;',
    'if (nativeBrowser && nativeBrowser.runtime && nativeBrowser.runtime.id) module.exports = nativeBrowser;',
    'else {',
    code,
    '}',
    'export default module.exports;',
    '',
  ].join('\n');
}

export function polyfillEsmPlugin(): Plugin {
  return {
    name: 'alignment-glossary:polyfill-esm',
    enforce: 'pre',
    transform(code, id) {
      if (!POLYFILL_FILE.test(id.split('?')[0]!.replace(/\\/g, '/'))) return null;
      return { code: polyfillAsEsm(code), map: null };
    },
  };
}
