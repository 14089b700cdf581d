/**
 * The icon as both builds ship it: the manifest names a PNG at 16, 32, 48 and 128 pixels, each
 * file is a PNG of that size, and the toolbar has its usual and its "off on this site" icons.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD, requireBuild } from '../../harness/paths';

/** Width and height from a PNG's header; null for a file that is no PNG. */
function pngSize(bytes: Buffer): [number, number] | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b) || bytes.toString('ascii', 12, 16) !== 'IHDR') return null;
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe.each([
  ['Chromium', CHROME_BUILD, 'action'],
  ['Firefox', FIREFOX_BUILD, 'browser_action'],
])('%s build: icons', (_name, build, actionKey) => {
  const dir = requireBuild(build);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('names a PNG of the right size for 16, 32, 48 and 128 pixels', () => {
    const icons = manifest.icons as Record<string, string>;
    expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const [size, file] of Object.entries(icons))
      expect(pngSize(readFileSync(join(dir, file))), file).toEqual([Number(size), Number(size)]);
  });

  it('gives the toolbar button the icon, and ships the grey "off on this site" icons', () => {
    const action = manifest[actionKey] as { default_icon: Record<string, string> };
    for (const [size, file] of Object.entries(action.default_icon))
      expect(pngSize(readFileSync(join(dir, file)))).toEqual([Number(size), Number(size)]);
    for (const size of [16, 32]) expect(existsSync(join(dir, `icon/off-${size}.png`))).toBe(true);
  });
});
