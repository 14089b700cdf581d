/**
 * Toggle a site: the pure rule behind the popup switch and the keyboard command.
 *
 * Blocklist mode lists the sites that are off; allowlist mode lists the sites that are on. So
 * turning a site off adds it in the first mode and removes it in the second.
 * Must never: touch other sites' entries.
 */
import type { Settings } from '../settings/settings';

export function withSite(s: Pick<Settings, 'siteMode' | 'sites'>, site: string, on: boolean): string[] {
  const listed = s.sites.includes(site);
  const wantListed = s.siteMode === 'blocklist' ? !on : on;
  if (wantListed === listed) return s.sites;
  return wantListed ? [...s.sites, site] : s.sites.filter((x) => x !== site);
}
