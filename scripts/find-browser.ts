/**
 * Where `npm start` finds a browser, before it installs or builds anything: CHROMIUM_PATH (or
 * FIREFOX_PATH) when set, else the usual places of Chrome, Chromium, Edge and Brave (or Firefox)
 * on Linux, macOS and Windows. Cost: a few file checks. Must never: download a browser.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type BrowserKind = 'chromium' | 'firefox';

export interface Found {
  path: string;
}
export interface NotFound {
  /** What to tell the reader: where we looked and the command that installs a browser. */
  message: string;
}

function candidates(kind: BrowserKind, env: NodeJS.ProcessEnv): string[] {
  const win = (sub: string) => [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean).map((d) => join(d!, sub));
  if (kind === 'firefox')
    return [
      '/usr/bin/firefox-esr',
      '/usr/bin/firefox',
      '/Applications/Firefox.app/Contents/MacOS/firefox',
      ...win('Mozilla Firefox\\firefox.exe'),
    ];
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/brave-browser',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser',
    ...win('Google\\Chrome\\Application\\chrome.exe'),
    ...win('Microsoft\\Edge\\Application\\msedge.exe'),
    ...win('BraveSoftware\\Brave-Browser\\Application\\brave.exe'),
  ];
}

/** The install line for Debian and Ubuntu, with sudo only where the reader is not root. */
export function installCommand(kind: BrowserKind, root = process.getuid?.() === 0): string {
  const pkg = kind === 'firefox' ? 'firefox-esr' : 'chromium';
  return `${root ? '' : 'sudo '}apt-get install -y ${pkg}`;
}

export function findBrowser(
  kind: BrowserKind,
  env: NodeJS.ProcessEnv = process.env,
  exists: (p: string) => boolean = existsSync,
): Found | NotFound {
  const variable = kind === 'firefox' ? 'FIREFOX_PATH' : 'CHROMIUM_PATH';
  const name = kind === 'firefox' ? 'Firefox' : 'Chrome, Chromium, Edge or Brave';
  const set = env[variable];
  if (set) {
    if (exists(set)) return { path: set };
    return {
      message: `${variable} is set to ${set}, which does not exist. Point it at a ${name} binary, or unset it and install one: ${installCommand(kind)} (Debian/Ubuntu).`,
    };
  }
  const hit = candidates(kind, env).find((p) => exists(p));
  if (hit) return { path: hit };
  return {
    message: `No ${name} found in the usual places. Install one (${installCommand(kind)} on Debian/Ubuntu), or set ${variable} to its binary. Nothing was built.`,
  };
}
