/**
 * Is highlighting on for this URL? The one decision for content script, popup, background and
 * tests: http(s) and files only; a listed site covers its subdomains. Cost: a URL parse and a
 * suffix check per listed site, once per page and settings change. Must never: need the
 * public-suffix list (the popup, which writes the list, has it), so pages stay small.
 */
import type { Settings } from './settings';

export function hostOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  return hostOfLocation(u);
}

/** The same answer from parts a page already has (`location`), with no URL to parse. */
export function hostOfLocation(loc: Pick<Location, 'protocol' | 'hostname'>): string | null {
  if (loc.protocol === 'file:') return 'file';
  if (loc.protocol !== 'http:' && loc.protocol !== 'https:') return null;
  return loc.hostname.toLowerCase().replace(/\.$/, '');
}

export function siteListed(host: string, sites: readonly string[]): boolean {
  return sites.some((s) => host === s || host.endsWith('.' + s));
}

export function isURLEnabled(
  settings: Pick<Settings, 'enabled' | 'siteMode' | 'sites'>,
  url: string | Pick<Location, 'protocol' | 'hostname'>,
): boolean {
  if (!settings.enabled) return false;
  const host = typeof url === 'string' ? hostOf(url) : hostOfLocation(url);
  if (host === null) return false;
  const listed = siteListed(host, settings.sites);
  return settings.siteMode === 'blocklist' ? !listed : listed;
}
