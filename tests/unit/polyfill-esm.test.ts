import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
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

  /** Runs the transformed module in a fresh global with the given extension objects. */
  const evaluate = (globals: Record<string, unknown>): unknown => {
    const sandbox: Record<string, unknown> = { ...globals, result: undefined };
    runInNewContext(polyfillAsEsm(source).replace(/export default module\.exports;\s*$/, 'result = module.exports;'), sandbox);
    return sandbox.result;
  };

  it('hands over a native promise-based browser object as it is, without reading chrome', () => {
    const browser = { runtime: { id: 'ext' } };
    let chromeReads = 0;
    const chrome = {
      get runtime() {
        chromeReads++;
        return { id: 'ext' };
      },
    };
    expect(evaluate({ browser, chrome })).toBe(browser);
    expect(chromeReads).toBe(0);
  });

  it('still wraps chrome where there is no native browser object', () => {
    const sent: unknown[] = [];
    const chrome = {
      runtime: {
        id: 'ext',
        lastError: undefined,
        sendMessage: (m: unknown, cb: (r: unknown) => void) => {
          sent.push(m);
          cb('pong');
        },
      },
    };
    const api = evaluate({ chrome }) as { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    expect(api).not.toBe(chrome);
    return api.runtime.sendMessage('ping').then((reply) => {
      expect(reply).toBe('pong');
      expect(sent).toEqual(['ping']);
    });
  });

  it('fails the build when the polyfill no longer has the expected shape', () => {
    expect(() => polyfillAsEsm('module.exports = {};')).toThrow(/unexpected file shape/);
  });
});
