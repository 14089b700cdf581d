/**
 * Chromium for end-to-end tests: /usr/bin/chromium via playwright-core, headless, fresh profile,
 * the extension loaded unpacked; `pageTerms` and friends message the content script from the
 * service worker, as the popup does. Cost: a full browser launch. Must never: download a browser,
 * or skip when it is missing (it throws with install instructions instead).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { PageTermsReport } from '../messaging/contract';

// `chrome` exists inside the service worker, where the evaluated closures below run.
declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(id: number, msg: unknown, opts: object): Promise<unknown>;
  };
  runtime: { sendMessage(msg: unknown): Promise<unknown> };
};

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Keep Chromium off the network on a closed machine (and quiet in the privacy test): no
// background services, and nothing but loopback resolves, so any stray fetch fails at once.
export const QUIET_FLAGS = [
  '--no-sandbox', // CI runs as root
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--safebrowsing-disable-auto-update',
  '--disable-dev-shm-usage',
  '--metrics-recording-only',
  // No --disable-features here: Chromium honours only the last one, and it would replace
  // Playwright's own list.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  /** Replaced by tests that restart the extension. */
  serviceWorker: Worker;
  close(): Promise<void>;
}

export function assertBrowser(path: string, name: string, pkg: string, env: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `${name} not found at ${path}. Install it with \`sudo apt-get install -y ${pkg}\` (Debian/Ubuntu), ` +
        `or point ${env} at a ${name} binary. The end-to-end tests never download a browser and never skip.`,
    );
  }
}

/**
 * Chromium with no extension yet, for testing what happens to tabs that were open before the
 * extension was installed. `install()` loads it through the DevTools protocol
 * (Extensions.loadUnpacked, which needs --enable-unsafe-extension-debugging).
 */
export async function launchChromiumBare(): Promise<{
  context: BrowserContext;
  install(dir: string): Promise<ChromiumSession>;
  close(): Promise<void>;
}> {
  assertBrowser(CHROMIUM_PATH, 'Chromium', 'chromium', 'CHROMIUM_PATH');
  const profile = mkdtempSync(join(tmpdir(), 'agc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...QUIET_FLAGS, '--enable-unsafe-extension-debugging', '--remote-debugging-port=0'],
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return {
    context,
    close,
    async install(dir) {
      const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
      const cdpBrowser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      const cdp = await cdpBrowser.newBrowserCDPSession();
      const waiting = context.waitForEvent('serviceworker', { timeout: 15_000 });
      const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: dir } as never)) as { id: string };
      const serviceWorker = await waiting;
      return { context, extensionId: id, serviceWorker, close };
    },
  };
}

/** The welcome tab a fresh install opens (the extension's `runtime.onInstalled`). */
function welcomePage(context: BrowserContext, timeoutMs = 30_000): Promise<Page> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the welcome page a fresh install opens did not open within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const watch = (p: Page) =>
      void p.waitForURL(/\/welcome\.html$/, { timeout: timeoutMs }).then(
        () => {
          clearTimeout(timer);
          context.off('page', watch);
          resolve(p);
        },
        () => {},
      );
    context.pages().forEach(watch);
    context.on('page', watch);
  });
}

export async function launchChromium(
  extensionDir: string,
  options: {
    colorScheme?: 'light' | 'dark';
    headless?: boolean;
    viewport?: { width: number; height: number } | null;
    /** Leave the welcome page a fresh install opens (closed by default: tests open their own tabs). */
    keepWelcome?: boolean;
    /** A phone: touch events and a mobile viewport (Chromium's touch emulation). */
    touch?: boolean;
  } = {},
): Promise<ChromiumSession> {
  assertBrowser(CHROMIUM_PATH, 'Chromium', 'chromium', 'CHROMIUM_PATH');
  const profile = mkdtempSync(join(tmpdir(), 'agc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
    // Playwright adds --disable-extensions by default.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...QUIET_FLAGS],
  });
  // Closed before the caller opens a page: opened later, the new tab would take the focus, and
  // tabIdOf (the active tab) would name it rather than the caller's page.
  const welcome = !options.keepWelcome && existsSync(join(extensionDir, 'welcome.html')) ? welcomePage(context) : null;
  welcome?.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const serviceWorker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  if (welcome) await (await welcome).close();
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The tab id of a Playwright page, found from the service worker (no `tabs` permission needed). */
export async function tabIdOf(session: ChromiumSession, page: Page): Promise<number> {
  await page.bringToFront();
  return session.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}

/** Send a message to the page's content script (top frame), as the popup does. */
export async function sendToPage<T>(session: ChromiumSession, page: Page, message: unknown): Promise<T> {
  const tabId = await tabIdOf(session, page);
  return session.serviceWorker.evaluate(([id, msg]) => chrome.tabs.sendMessage(id as number, msg, { frameId: 0 }), [
    tabId,
    message,
  ] as const) as Promise<T>;
}

/** get-page-terms, polled until the scan is done. */
export async function pageTerms(session: ChromiumSession, page: Page, timeoutMs = 15_000): Promise<PageTermsReport> {
  const t0 = Date.now();
  for (;;) {
    let report: PageTermsReport | undefined;
    try {
      report = await sendToPage<PageTermsReport>(session, page, { type: 'get-page-terms' });
    } catch {
      // The content script may not be listening yet.
    }
    if (report && report.status !== 'scanning') return report;
    if (Date.now() - t0 > timeoutMs) throw new Error(`page still ${report?.status ?? 'silent'} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Open a page and collect what would worry a reader of the console: errors, uncaught
 * exceptions, dialogs, and hydration warnings. The page's own failed loads (a missing favicon)
 * are not ours and are left out.
 */
export async function openWatched(context: BrowserContext, url: string, timeoutMs = 10_000): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  const errors: string[] = [];
  page.on(
    'console',
    (m) => (m.type() === 'error' || /hydrat/i.test(m.text())) && !/Failed to load resource/.test(m.text()) && errors.push(m.text()),
  );
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url);
  return { page, errors };
}

/**
 * Send a message to our PDF viewer in a tab, as the popup does: a runtime message naming the
 * viewer's tab (extension pages are not reached by tabs.sendMessage).
 */
export async function sendToViewer<T>(
  session: ChromiumSession,
  tabId: number,
  message: { type: string } & Record<string, unknown>,
): Promise<T> {
  return session.serviceWorker.evaluate(([id, msg]) => chrome.runtime.sendMessage({ ...(msg as object), target: { tabId: id } }), [
    tabId,
    message,
  ] as const) as Promise<T>;
}

/** get-page-terms from the viewer in a tab, polled until `done(report)` (default: scan done). */
export async function viewerTerms(
  session: ChromiumSession,
  tabId: number,
  done: (r: PageTermsReport) => boolean = (r) => r.status !== 'scanning',
  timeoutMs = 20_000,
): Promise<PageTermsReport> {
  const t0 = Date.now();
  let failure = '';
  for (;;) {
    const report = await sendToViewer<PageTermsReport | undefined>(session, tabId, { type: 'get-page-terms' }).catch((e: unknown) => {
      failure = String(e);
      return undefined;
    });
    if (report && done(report)) return report;
    if (Date.now() - t0 > timeoutMs)
      throw new Error(
        `viewer report not ready after ${timeoutMs} ms: ${JSON.stringify(report)}${report ? '' : ` (${failure || 'no reply'})`}`,
      );
    await new Promise((r) => setTimeout(r, 150));
  }
}

// Chromium names an extension's content-script world after the extension.
const EXTENSION_NAME = (JSON.parse(readFileSync(resolve('public/_locales/en/messages.json'), 'utf8')) as { extName: { message: string } })
  .extName.message;

/**
 * Evaluate `expression` in the extension's content-script world of a page's top frame (found over
 * the DevTools protocol by the world's name, the extension's name) and return its value.
 */
export async function evaluateInContentWorld<T>(session: ChromiumSession, page: Page, expression: string): Promise<T> {
  const cdp = await session.context.newCDPSession(page);
  try {
    const worlds: { id: number; name: string; auxData?: { type?: string; isDefault?: boolean; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
    // Enabling reports every context that exists already.
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const world = worlds.find((c) => c.name === EXTENSION_NAME && c.auxData?.frameId === frameTree.frame.id);
    if (!world) throw new Error(`no "${EXTENSION_NAME}" content-script world in ${page.url()}`);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails)
      throw new Error(`in the content-script world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}
