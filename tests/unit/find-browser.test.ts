import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findBrowser, installCommand } from '../../scripts/find-browser';

describe('npm start: finding a browser first', () => {
  it('takes CHROMIUM_PATH when it exists, and says so when it does not', () => {
    expect(findBrowser('chromium', { CHROMIUM_PATH: '/opt/c' }, (p) => p === '/opt/c')).toEqual({ path: '/opt/c' });
    const missing = findBrowser('chromium', { CHROMIUM_PATH: '/nowhere/chrome' }, () => false);
    expect('message' in missing && missing.message).toMatch(
      /CHROMIUM_PATH is set to \/nowhere\/chrome, which does not exist.*apt-get install -y chromium/,
    );
  });

  it('looks in the usual places of Chrome, Chromium, Edge and Brave, or Firefox', () => {
    expect(findBrowser('chromium', {}, (p) => p === '/usr/bin/google-chrome')).toEqual({ path: '/usr/bin/google-chrome' });
    expect(findBrowser('chromium', {}, (p) => p.endsWith('Brave Browser'))).toEqual({
      path: '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser',
    });
    expect(findBrowser('firefox', {}, (p) => p === '/usr/bin/firefox')).toEqual({ path: '/usr/bin/firefox' });
    const none = findBrowser('firefox', {}, () => false);
    expect('message' in none && none.message).toMatch(/No Firefox found.*apt-get install -y firefox-esr.*Nothing was built/);
  });

  it('asks for sudo only where the reader is not root', () => {
    expect(installCommand('chromium', true)).toBe('apt-get install -y chromium');
    expect(installCommand('chromium', false)).toBe('sudo apt-get install -y chromium');
  });

  it('npm start with CHROMIUM_PATH at a missing file stops before building, naming the install command', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/apt-get install -y chromium/);
    expect(run.stdout).not.toMatch(/Building/);
  });
});
