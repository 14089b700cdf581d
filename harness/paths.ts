/** Where the built extension lives; the e2e script builds it before the tests run. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const CHROME_BUILD = resolve('.output/chrome-mv3');
export const FIREFOX_BUILD = resolve('.output/firefox-mv2');

export function requireBuild(dir: string): string {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No extension build at ${dir}. Run \`npm run build:all\` first (npm run test:e2e does).`);
  }
  return dir;
}
