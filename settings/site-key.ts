/**
 * Site key: the registrable domain a per-site switch applies to (news.example.co.uk ->
 * example.co.uk), from the maintained public-suffix list in tldts.
 * Cost: tldts's large suffix tables (bundle sizes: bench/README.md), in the background only.
 * Must never: be imported by a page or the popup (the popup asks: get-site-key).
 */
import { getDomain, getHostname } from 'tldts';
import { hostOf } from './is-url-enabled';

export function siteKeyFor(url: string): string | null {
  const host = hostOf(url);
  if (host === null) return null;
  if (host === 'file') return 'file';
  // IP addresses and single-label hosts (localhost) have no registrable domain: use the host.
  return getDomain(url, { allowPrivateDomains: true }) ?? getHostname(url) ?? host;
}
