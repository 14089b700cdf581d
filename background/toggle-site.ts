/**
 * Toggle a site, the pure rule behind the popup switch and the keyboard command. Blocklist mode
 * lists the sites that are off, allowlist mode those that are on, so "off" adds or removes it.
 * Cost: one copy of the site list per change; none when nothing changes.
 * Must never: touch other sites' entries.
 */
import type { Settings } from '../settings/settings';

export function withSite(s: Pick<Settings, 'siteMode' | 'sites'>, site: string, on: boolean): string[] {
  const listed = s.sites.includes(site);
  const wantListed = s.siteMode === 'blocklist' ? !on : on;
  if (wantListed === listed) return s.sites;
  return wantListed ? [...s.sites, site] : s.sites.filter((x) => x !== site);
}
