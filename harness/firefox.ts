/**
 * Firefox for end-to-end tests: /usr/bin/firefox-esr via puppeteer-core over WebDriver BiDi,
 * headless and off the network, the extension a temporary add-on with a fixed UUID (so tests can
 * open its pages). Cost: a full browser launch. Must never: download a browser, or skip when it
 * is missing (it throws with install instructions instead).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { PageTermsReport } from '../messaging/contract';
import { assertBrowser } from './chromium';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXTENSION_UUID = '4c1f3a0e-8f0b-4d2a-9d7c-6a1e2b3c4d5e';

// Everything Firefox would fetch on its own, off; and a dead local proxy as a backstop, so not
// even a DNS lookup leaves the machine (MOZ_DISABLE_NONLOCAL_CONNECTIONS at launch makes any
// remaining leak fail loudly).
const OFFLINE_PREFS: Readonly<Record<string, string | number | boolean>> = {
  // Backstop: every non-loopback http(s) request goes to a closed local port, DNS included.
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
  'network.proxy.failover_direct': false, // else system requests retry DIRECT when the proxy fails
  'network.trr.mode': 5, // no DNS over HTTPS
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'browser.urlbar.speculativeConnect.enabled': false,
  'browser.places.speculativeConnect.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  // Telemetry and studies.
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.updatePing.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'browser.ping-centre.telemetry': false,
  // Updates and remote content.
  'app.update.auto': false,
  'app.update.enabled': false,
  'app.update.disabledForTesting': true,
  'extensions.update.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.systemAddon.update.url': '',
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  // Honoured on ESR only with MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 (set at launch); then
  // Remote Settings skips all syncing.
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'security.OCSP.enabled': 0,
  'media.gmp-manager.updateEnabled': false,
  'media.gmp-gmpopenh264.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.search.update': false,
  'geo.provider.network.url': '',
  'dom.push.connection.enabled': false,
  'dom.push.serverURL': '',
  'identity.fxaccounts.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.topsites.contile.enabled': false,
  // Safe Browsing lists.
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
};

/** Headless Firefox reports no pointer, so `(hover: hover)` would be false; match Chromium. */
const POINTER_PREFS = { 'ui.primaryPointerCapabilities': 6, 'ui.allPointerCapabilities': 6 }; // FINE|HOVER

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
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' } as Record<string, string>,
    extraPrefsFirefox: { ...OFFLINE_PREFS, ...POINTER_PREFS, 'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }) },
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
  const page = await openExtensionPage(session, 'popup.html');
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

/**
 * Open an extension page (popup.html?tab=…, options.html) in a new tab. BiDi never reports the
 * navigation to an extension page as finished (goto times out although the page loads), so
 * this starts the navigation and polls the page's own location.
 */
export async function openExtensionPage(session: FirefoxSession, path: string, timeoutMs = 10_000): Promise<Page> {
  const url = session.extensionBase + path;
  const page = await session.browser.newPage();
  page.goto(url, { timeout: timeoutMs }).catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await page.evaluate(() => [location.href, document.readyState]).catch(() => ['', '']);
    if (ready[0] === url && ready[1] === 'complete') return page;
    await new Promise((r) => setTimeout(r, 50));
  }
  await page.close().catch(() => undefined);
  throw new Error(`extension page ${url} did not load within ${timeoutMs} ms`);
}
