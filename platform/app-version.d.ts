/**
 * The extension's version, from package.json, replaced at build time (wxt.config.ts) and in
 * unit tests (vitest.config.ts).
 */
declare const __APP_VERSION__: string;
