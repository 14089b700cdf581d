import { afterEach, describe, expect, it } from 'vitest';
import { contentBrowser } from '../../platform/content-browser';
import { COMPILE_HINT, withCompileHint } from '../../platform/compile-hint-plugin';

const world = globalThis as { browser?: unknown };

describe('contentBrowser', () => {
  afterEach(() => {
    delete world.browser;
  });

  it('gives the API that browser-api.js left on the world', () => {
    const api = { runtime: { id: 'x' } };
    world.browser = api;
    expect(contentBrowser()).toBe(api);
  });

  it('says what is wrong when browser-api.js did not run first', () => {
    delete world.browser;
    expect(() => contentBrowser()).toThrow(/browser-api\.js must run before the content script/);
  });
});

describe('withCompileHint', () => {
  it('puts the hint first, once', () => {
    const once = withCompileHint('(function(){})();');
    expect(once).toBe(`${COMPILE_HINT}(function(){})();`);
    expect(withCompileHint(once)).toBe(once);
  });
});
