/**
 * Firefox for end-to-end tests: Debian's /usr/bin/firefox-esr driven by puppeteer-core over
 * WebDriver BiDi, with the built extension installed as a temporary add-on.
 *
 * What it does: launches headless with prefs that keep Firefox off the network, installs the
 * add-on, fixes its moz-extension:// UUID (pref `extensions.webextensions.uuids`) so tests can
 * open its pages, and talks to a tab's content script from an extension page, as the popup does.
 * Cost: ~3 s per launch on this machine. Must never: download a browser, or skip when the
 * browser is missing (it throws with install instructions instead).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { PageTermsReport } from '../messaging/contract';
import { assertBrowser } from './chromium';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXTENSION_UUID = '4c1f3a0e-8f0b-4d2a-9d7c-6a1e2b3c4d5e';

// Everything Firefox would fetch on its own, off.
const OFFLINE_PREFS: Record<string, unknown> = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.update': false,
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.discovery.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'dom.push.connection.enabled': false,
  'geo.provider.network.url': '',
  'media.gmp-manager.updateEnabled': false,
  // Follow the page's scheme in tests; headless defaults to light.
  'ui.systemUsesDarkTheme': 0,
};

export interface FirefoxSession {
  browser: Browser;
  extensionBase: string;
  close(): Promise<void>;
}

export async function launchFirefox(extensionDir: string): Promise<FirefoxSession> {
  assertBrowser(FIREFOX_PATH, 'Firefox ESR', 'firefox-esr', 'FIREFOX_PATH');
  const dir = resolve(extensionDir);
  const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    // Firefox 153+ lets WebDriver open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...OFFLINE_PREFS, 'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }) },
  });
  await browser.installExtension(dir);
  return { browser, extensionBase: `moz-extension://${EXTENSION_UUID}/`, close: () => browser.close() };
}

/**
 * Send a message to the content script of the tab showing `pageUrl`, from an extension page
 * (the tab is found by asking each tab's content script for its URL: no `tabs` permission).
 */
export async function sendToUrl<T>(session: FirefoxSession, pageUrl: string, message: unknown): Promise<T> {
  const ext = await extensionPage(session);
  return ext.evaluate(
    async (url, msg) => {
      const api = (globalThis as unknown as { browser: FirefoxApi }).browser;
      const self = await api.tabs.getCurrent();
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined || tab.id === self?.id) continue;
        const href = await api.tabs.sendMessage(tab.id, { type: 'get-page-url' }, { frameId: 0 }).catch(() => null);
        if (href === url) return api.tabs.sendMessage(tab.id, msg, { frameId: 0 });
      }
      throw new Error(`no tab with our content script shows ${url}`);
    },
    pageUrl,
    message,
  ) as Promise<T>;
}

interface FirefoxApi {
  tabs: {
    getCurrent(): Promise<{ id?: number } | undefined>;
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(id: number, msg: unknown, opts: object): Promise<unknown>;
  };
}

const helperPages = new WeakMap<Browser, Page>();

/** One extension page per browser, kept open in the background, to run extension APIs in. */
async function extensionPage(session: FirefoxSession): Promise<Page> {
  const existing = helperPages.get(session.browser);
  if (existing && !existing.isClosed()) return existing;
  const page = await session.browser.newPage();
  // BiDi does not report load events for extension pages reliably: don't wait for one.
  await page.goto(`${session.extensionBase}popup.html`, { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => {});
  helperPages.set(session.browser, page);
  return page;
}

export async function pageTermsIn(session: FirefoxSession, pageUrl: string, timeoutMs = 20_000): Promise<PageTermsReport> {
  const t0 = Date.now();
  for (;;) {
    const report = await sendToUrl<PageTermsReport>(session, pageUrl, { type: 'get-page-terms' }).catch(() => undefined);
    if (report && report.status !== 'scanning') return report;
    if (Date.now() - t0 > timeoutMs) throw new Error(`${pageUrl}: still ${report?.status ?? 'silent'} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The tab id of the tab showing `pageUrl` (asked of each tab's content script). */
export async function tabIdFor(session: FirefoxSession, pageUrl: string): Promise<number> {
  const ext = await extensionPage(session);
  return ext.evaluate(async (url) => {
    const api = (globalThis as unknown as { browser: FirefoxApi }).browser;
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined) continue;
      const href = await api.tabs.sendMessage(tab.id, { type: 'get-page-url' }, { frameId: 0 }).catch(() => null);
      if (href === url) return tab.id;
    }
    throw new Error(`no tab with our content script shows ${url}`);
  }, pageUrl);
}

/** Open an extension page (popup.html?tab=…, options.html) in a new tab. */
export async function openExtensionPage(session: FirefoxSession, path: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(session.extensionBase + path, { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => {});
  return page;
}
