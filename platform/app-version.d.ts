/**
 * The extension's version, from package.json, replaced at build time (wxt.config.ts) and in
 * unit tests (vitest.config.ts).
 * Cost: none at run time (a constant in the bundle).
 * Must never: differ from package.json's (the injected scripts' keys carry it).
 */
declare const __APP_VERSION__: string;
