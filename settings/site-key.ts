/**
 * Site key: the registrable domain a per-site switch applies to (news.example.co.uk ->
 * example.co.uk), from the maintained public-suffix list in tldts.
 * Cost: tldts's large suffix tables (bundle sizes: bench/README.md); popup, options, background.
 * Must never: be imported by the content script (it does not need the list, see is-url-enabled).
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
