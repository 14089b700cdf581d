import { describe, expect, it, vi } from 'vitest';
import { contentBrowser, readyBrowser, type ApiWorld } from '../../platform/content-browser';
import { COMPILE_HINT, withCompileHint } from '../../platform/compile-hint-plugin';

type Api = NonNullable<ApiWorld['browser']>;
const api = (id = 'ext') => ({ runtime: { id } }) as unknown as Api;

/** A Chromium before 148: `chrome` only; the background answers by running `inject`. */
function oldChromium(inject: (w: ApiWorld) => void, lastError?: string) {
  const sent: unknown[] = [];
  const w: ApiWorld = {};
  const runtime = {
    id: 'ext',
    lastError: undefined as { message: string } | undefined,
    sendMessage(message: unknown, callback: () => void) {
      sent.push(message);
      setTimeout(() => {
        inject(w);
        runtime.lastError = lastError === undefined ? undefined : { message: lastError };
        callback();
        runtime.lastError = undefined;
      });
    },
  };
  w.chrome = { runtime };
  return { w, sent };
}

describe('contentBrowser', () => {
  it("takes the browser's own API without asking for anything (Firefox, Chromium 148+)", async () => {
    const own = api();
    const sendMessage = vi.fn();
    expect(await contentBrowser({ browser: own, chrome: { runtime: { id: 'ext', sendMessage } } })).toBe(own);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('asks the background for the polyfill where there is only `chrome`, then uses it', async () => {
    const polyfill = api();
    const { w, sent } = oldChromium((world) => (world.browser = polyfill));
    expect(readyBrowser(w)).toBeNull();
    expect(await contentBrowser(w)).toBe(polyfill);
    expect(sent).toEqual([{ type: 'load-browser-api' }]);
  });

  it('says why when the background could not inject the polyfill', async () => {
    const { w } = oldChromium(() => {}, 'Cannot access contents of the page.');
    await expect(contentBrowser(w)).rejects.toThrow('could not load the extension API: Cannot access contents of the page.');
  });

  it('says so when the polyfill ran but left no API', async () => {
    const { w } = oldChromium(() => {});
    await expect(contentBrowser(w)).rejects.toThrow('browser-api.js ran but left no extension API');
  });

  it('does not take a `browser` without a runtime id (a page global, an orphaned copy)', async () => {
    await expect(contentBrowser({ browser: api('') })).rejects.toThrow('no extension API in this world');
  });
});

describe('withCompileHint', () => {
  it('puts the hint first, once', () => {
    const once = withCompileHint('(function(){})();');
    expect(once).toBe(`${COMPILE_HINT}(function(){})();`);
    expect(withCompileHint(once)).toBe(once);
  });
});
