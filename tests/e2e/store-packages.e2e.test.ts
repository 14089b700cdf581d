/**
 * Store packages: `npm run zip` makes the Chrome Web Store zip, the Firefox zip and the sources zip
 * addons.mozilla.org asks for (with build instructions, without tests or docs), and building from
 * the sources zip, as a reviewer would, gives the Firefox package file for file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

const OUT = resolve('.output');
const zipOf = (kind: string) => join(OUT, `${pkg.name}-${pkg.version}-${kind}.zip`);
const entries = (file: string) => unzipSync(readFileSync(file));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let work: string;

beforeAll(() => {
  execFileSync(npm, ['run', 'zip'], { stdio: 'pipe' });
  work = mkdtempSync(join(tmpdir(), 'agc-sources-'));
}, 300_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('store packages', () => {
  it('a Chrome zip (Manifest V3) and a Firefox zip (Manifest V2), each with the content script and icons', () => {
    const chrome = entries(zipOf('chrome'));
    const firefox = entries(zipOf('firefox'));
    expect(JSON.parse(new TextDecoder().decode(chrome['manifest.json'])).manifest_version).toBe(3);
    expect(JSON.parse(new TextDecoder().decode(firefox['manifest.json'])).manifest_version).toBe(2);
    for (const zip of [chrome, firefox])
      for (const f of ['glossary-content.js', 'icon/128.png', 'glossary-entries.json']) expect(Object.keys(zip)).toContain(f);
  });

  it('a sources zip with build instructions, the lock file and the glossary, and no tests or docs', () => {
    const names = Object.keys(entries(zipOf('sources')));
    for (const f of ['BUILD-FROM-SOURCE.md', 'package.json', 'package-lock.json', 'wxt.config.ts', 'glossary/entries/mesa-optimizer.yaml'])
      expect(names).toContain(f);
    expect(names.filter((n) => /^(tests|bench|docs|harness|scripts)\//.test(n))).toEqual([]);
  });

  it('building from the sources zip gives the Firefox package, file for file', () => {
    for (const [name, data] of Object.entries(entries(zipOf('sources')))) {
      if (name.endsWith('/')) continue;
      const target = join(work, name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data);
    }
    execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: work, stdio: 'pipe' });
    execFileSync(npm, ['run', 'build:firefox'], { cwd: work, stdio: 'pipe' });
    const built = join(work, '.output/firefox-mv2');
    const shipped = entries(zipOf('firefox'));
    const rebuilt = Object.fromEntries(filesUnder(built).map((p) => [relative(built, p).split('\\').join('/'), readFileSync(p)]));
    expect(Object.keys(rebuilt).sort()).toEqual(
      Object.keys(shipped)
        .filter((n) => !n.endsWith('/'))
        .sort(),
    );
    for (const [name, data] of Object.entries(rebuilt)) expect(Buffer.compare(Buffer.from(shipped[name]!), data), name).toBe(0);
  }, 600_000);
});
