/**
 * Build config: the manifest (permissions, the hand-listed content script, commands) and plugins.
 * Cost: build time only; what it lists decides what every page loads.
 * Must never: ask for a permission the README's Permissions table does not explain.
 */
import { defineConfig } from 'wxt';
import { glossaryPlugin } from './glossary/vite-plugin';
import { pdfjsNoComputedImports } from './pdf/vite-plugin';
import { polyfillEsmPlugin } from './platform/polyfill-esm-plugin';
import { compileHintPlugin } from './platform/compile-hint-plugin';
import pkg from './package.json' with { type: 'json' };

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Rendered from assets/icon/*.svg by `npm run icons`; public/icon/off-*.png is the toolbar's
    // "off on this site" state (entrypoints/background.ts).
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    // Firefox's build is Manifest V2, whose toolbar button is browser_action.
    ...(browser === 'firefox'
      ? { browser_action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } } }
      : { action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } } }),
    // storage: settings. contextMenus: "Look up in glossary" and "Open PDF with the alignment
    // glossary". scripting: add the glossary to tabs already open at install, inject page-ui.js
    // on a page's first term and tooltip-ui.js on the first hover, and in a Chromium older than
    // 148 inject browser-api.js (the polyfill).
    permissions: ['storage', 'contextMenus', 'scripting'],
    // The same sites the content script already runs on; scripting needs them spelled out.
    host_permissions: ['<all_urls>'],
    // The content script is an unlisted script (entrypoints/glossary-content.ts) and its
    // stylesheet a CSS entrypoint (entrypoints/highlight.css), listed here by hand: WXT's own
    // content-script context would cost every page CPU time (measured: bench/README.md).
    // It uses the browser's own promise-based `browser`; a Chromium without one gets the polyfill
    // (entrypoints/browser-api.ts) injected on request (platform/content-browser.ts).
    // Frames too, but only same-origin ones do any work (the script checks).
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['glossary-content.js'],
        css: ['assets/highlight.css'],
        // Start, to ask for the settings early (platform/document-idle.ts); it reads the page at idle.
        run_at: 'document_start',
        all_frames: true,
        match_about_blank: true,
      },
    ],
    commands: {
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandToggleSite__',
      },
      'next-term': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNextTerm__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'alignment-glossary@example.org',
              strict_min_version: '140.0',
              // Firefox's data-collection declaration: this extension collects nothing.
              data_collection_permissions: { required: ['none'] },
            },
            // Android gained the data-collection key in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // `npm run zip` also makes the sources zip addons.mozilla.org asks for: what the build needs,
  // with BUILD-FROM-SOURCE.md, and not the tests, benchmark, docs or screenshots.
  zip: {
    excludeSources: ['tests/**', 'bench/**', 'docs/**', 'harness/**', 'scripts/**', 'samples/**', 'artifacts/**', '.ci/**', 'assets/**'],
  },
  vite: () => ({
    plugins: [polyfillEsmPlugin(), glossaryPlugin(), pdfjsNoComputedImports(), compileHintPlugin(['glossary-content.js'])],
    // Scripts injected on demand leave their factories under a key with the version in it: after
    // an update, a page's content-script world may still hold the old version's factories.
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    // The pdf.js worker is bundled as a module worker of the viewer, through the same plugin.
    worker: { format: 'es' as const, plugins: () => [pdfjsNoComputedImports()] },
    build: {
      // Every browser the manifest admits preloads modules itself.
      modulePreload: { polyfill: false },
      // BENCH_NO_MINIFY=1 keeps function names readable in CPU profiles (npm run bench -- --profile).
      ...(process.env.BENCH_NO_MINIFY ? { minify: false } : {}),
      // The big files are the pdf.js worker and viewer (read from the extension's own package, in
      // the viewer only) and the background's matcher: nothing a page downloads, so Vite's 500 kB
      // warning would only alarm a newcomer. Bundle sizes are printed by `npm run bench`.
      chunkSizeWarningLimit: 1300,
      // Nor is the timing of the build's own plugins (the glossary's compile takes a second).
      rolldownOptions: { checks: { pluginTimings: false } },
    },
  }),
});
