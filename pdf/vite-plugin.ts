/**
 * Vite plugin: swaps pdf.js's three unused `import(<variable>)` calls (fake worker; JBIG2/JPEG 2000
 * decoders from `wasmUrl`) for rejected promises, so shipped code cannot load remote code; a call
 * not found fails the build, so an upgrade cannot bring one back. Cost: build time only.
 * Must never: run in the extension, or touch code outside pdfjs-dist.
 */
import type { Plugin } from 'vite';

const DYNAMIC_IMPORT = /\bimport\(\s*(?:\/\*[^*]*\*\/\s*)*([A-Za-z_$#][\w$#.]*)\s*\)/g;

/** Expected number of computed-URL imports per pdf.js file (the build fails on a mismatch). */
const EXPECTED: [RegExp, number][] = [
  [/pdfjs-dist\/build\/pdf\.mjs$/, 1],
  [/pdfjs-dist\/build\/pdf\.worker\.mjs$/, 2],
];

export function stripComputedImports(code: string): { code: string; count: number } {
  let count = 0;
  const out = code.replace(DYNAMIC_IMPORT, () => {
    count++;
    return 'Promise.reject(new Error("pdf.js: loading code by address is disabled in this extension"))';
  });
  return { code: out, count };
}

export function pdfjsNoComputedImports(): Plugin {
  return {
    name: 'pdfjs-no-computed-imports',
    enforce: 'pre',
    transform(code, id) {
      // `pdf.worker.mjs?worker&url` is Vite's wrapper that names the worker chunk: not pdf.js.
      if (id.includes('?')) return null;
      const file = id.replace(/\\/g, '/');
      const expected = EXPECTED.find(([re]) => re.test(file));
      if (!expected) {
        if (/pdfjs-dist\/(legacy\/)?build\/.*\.min\.mjs$/.test(file))
          this.error(
            `${file}: import pdf.js's readable build (pdfjs-dist/build/pdf.mjs, pdf.worker.mjs) so computed imports can be removed`,
          );
        return null;
      }
      const { code: out, count } = stripComputedImports(code);
      if (count !== expected[1])
        this.error(`${file}: expected ${expected[1]} computed import(s) in pdf.js, found ${count}; review pdf/vite-plugin.ts`);
      return { code: out, map: null };
    },
  };
}
