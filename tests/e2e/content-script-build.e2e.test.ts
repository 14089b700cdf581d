/**
 * The content script as both builds ship it: one script, compiled up front, without the polyfill,
 * which is a script of its own that the background injects only where the browser has no
 * `browser` namespace (platform/content-browser.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD, requireBuild } from '../../harness/paths';
import { COMPILE_HINT } from '../../platform/compile-hint-plugin';

// A line of webextension-polyfill's own code.
const POLYFILL_MARK = 'api-metadata.json has not been included in browser-polyfill';

describe.each([
  ['Chromium', CHROME_BUILD],
  ['Firefox', FIREFOX_BUILD],
])('%s build: content script', (_name, build) => {
  const dir = requireBuild(build);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[]; css: string[] }[] };
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');

  it('lists the content script alone, and its stylesheet', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    const [script] = manifest.content_scripts;
    expect(script!.js).toEqual(['glossary-content.js']);
    expect(script!.css).toEqual(['assets/highlight.css']);
    expect(read(script!.css[0]!)).toContain('::highlight(alignment-glossary-underline)');
  });

  it('has the polyfill once, in browser-api.js, and the compile hint at the very top of the content script only', () => {
    expect(read('browser-api.js')).toContain(POLYFILL_MARK);
    expect(read('browser-api.js').startsWith(COMPILE_HINT)).toBe(false);
    const content = read('glossary-content.js');
    expect(content).not.toContain(POLYFILL_MARK);
    expect(content.startsWith(COMPILE_HINT + '(function')).toBe(true);
  });
});
