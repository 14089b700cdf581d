import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { polyfillAsEsm } from '../../platform/polyfill-esm-plugin';

const require = createRequire(import.meta.url);

describe('webextension-polyfill imported as an ES module (platform/polyfill-esm-plugin)', () => {
  const source = readFileSync(require.resolve('webextension-polyfill'), 'utf8');

  it('gives the installed polyfill a default export, its code untouched', () => {
    const out = polyfillAsEsm(source);
    expect(out).toContain(source);
    expect(out.trimEnd().endsWith('export default module.exports;')).toBe(true);
  });

  it('fails the build when the polyfill no longer has the expected shape', () => {
    expect(() => polyfillAsEsm('module.exports = {};')).toThrow(/unexpected file shape/);
  });
});
