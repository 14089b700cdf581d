/**
 * `npm run icons`: renders assets/icon/icon.svg and icon-off.svg to the PNGs the manifest and the
 * toolbar use (public/icon/<size>.png, public/icon/off-<size>.png) with Debian's Chromium.
 * Cost: a second or two; run after editing the SVGs, and commit the PNGs.
 * Must never: download a browser (playwright-core drives /usr/bin/chromium or CHROMIUM_PATH).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, assertBrowser } from '../harness/chromium';

export const ICON_SIZES = [16, 32, 48, 128] as const;

assertBrowser(CHROMIUM_PATH, 'Chromium', 'chromium', 'CHROMIUM_PATH');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
const page = await browser.newPage();
const out = resolve('public/icon');
mkdirSync(out, { recursive: true });
for (const [svg, prefix] of [
  ['icon.svg', ''],
  ['icon-off.svg', 'off-'],
] as const) {
  const source = readFileSync(resolve('assets/icon', svg), 'utf8');
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`,
    );
    writeFileSync(resolve(out, `${prefix}${size}.png`), await page.screenshot({ omitBackground: true }));
  }
}
await browser.close();
console.log(`icons written to ${out}`);
