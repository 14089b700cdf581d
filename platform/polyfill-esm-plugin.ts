/**
 * Vite plugin: webextension-polyfill as an ES module, so bundling copies no property of the
 * browser's own `browser` and skips the polyfill's factory there (docs/architecture.md, One API).
 * Cost: build time only; the build fails rather than ship the slow path if the UMD shape changes.
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
