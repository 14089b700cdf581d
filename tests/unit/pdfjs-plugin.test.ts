import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { stripComputedImports } from '../../pdf/vite-plugin';

const require = createRequire(import.meta.url);
const source = (file: string) => readFileSync(require.resolve(`pdfjs-dist/build/${file}`), 'utf8');

describe('pdf.js without computed-URL imports', () => {
  it('replaces import(<variable>) and leaves literal imports and strings alone', () => {
    const { code, count } = stripComputedImports(
      'a = await import(/*webpackIgnore: true*/ /*@vite-ignore*/ this.workerSrc); b = import("./x.js"); c = `await import("${"$"}{url}")`;',
    );
    expect(count).toBe(1);
    expect(code).not.toContain('this.workerSrc');
    expect(code).toContain('import("./x.js")');
    expect(code).toContain('`await import("${"$"}{url}")`');
  });

  it('finds exactly the calls the build expects in the installed pdf.js (fake worker; two decoder fallbacks)', () => {
    expect(stripComputedImports(source('pdf.mjs')).count).toBe(1);
    expect(stripComputedImports(source('pdf.worker.mjs')).count).toBe(2);
    expect(stripComputedImports(source('pdf.worker.mjs')).code).not.toMatch(/\bimport\(\s*(\/\*[^*]*\*\/\s*)*[A-Za-z_$#][\w$#.]*\s*\)/);
  });

  it('pdf.js has no eval or Function constructor to switch off (isEvalSupported is gone in v5)', () => {
    for (const file of ['pdf.mjs', 'pdf.worker.mjs']) {
      expect(source(file)).not.toMatch(/\bnew Function\(|\beval\(/);
    }
  });
});
