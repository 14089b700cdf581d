import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_SITES, normalizeSite, sanitizeSettings } from '../../settings/settings';
import { isURLEnabled } from '../../settings/is-url-enabled';
import { siteKeyFor } from '../../settings/site-key';

describe('sanitizeSettings', () => {
  it('returns defaults for nothing stored', () => {
    expect(sanitizeSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('keeps valid fields and repairs only the broken ones', () => {
    const { settings, problems } = sanitizeSettings({ enabled: 'yes', mode: 'all', sites: ['Example.com', 42, 'a..b'], badge: false });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, mode: 'all', sites: ['example.com'], badge: false });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/settings\.enabled/);
    expect(problems[1]).toMatch(/dropped 2 entries/);
  });

  it('settings stored before the arXiv option keep working: the option defaults to off', () => {
    const before = { enabled: true, mode: 'all', style: 'tint', siteMode: 'blocklist', sites: ['a.org'], badge: false };
    const { settings, problems } = sanitizeSettings(before);
    expect(settings).toEqual({
      ...before,
      arxivAutoOpen: false,
      cardDefinition: false,
      knownTerms: [],
      knownStyle: 'fade',
      history: true,
      historyPages: false,
      sync: false,
    });
    expect(problems).toEqual([]);
    expect(sanitizeSettings({ arxivAutoOpen: true }).settings.arxivAutoOpen).toBe(true);
    const bad = sanitizeSettings({ arxivAutoOpen: 'yes' });
    expect(bad.settings.arxivAutoOpen).toBe(false);
    expect(bad.problems[0]).toMatch(/settings\.arxivAutoOpen/);
  });

  it('the card option defaults to off, and a broken value is repaired with a note', () => {
    expect(sanitizeSettings({}).settings.cardDefinition).toBe(false);
    expect(sanitizeSettings({ cardDefinition: true }).settings.cardDefinition).toBe(true);
    const bad = sanitizeSettings({ cardDefinition: 'always' });
    expect(bad.settings.cardDefinition).toBe(false);
    expect(bad.problems[0]).toMatch(/settings\.cardDefinition/);
  });

  it('survives values of the wrong type entirely', () => {
    for (const raw of ['corrupt', 7, [1, 2], true]) {
      const { settings, problems } = sanitizeSettings(raw);
      expect(settings).toEqual(DEFAULT_SETTINGS);
      expect(problems[0]).toMatch(/expected an object/);
    }
  });

  it('caps the site list so it stays within storage quotas', () => {
    const sites = Array.from({ length: MAX_SITES + 10 }, (_, i) => `site${i}.example`);
    const { settings } = sanitizeSettings({ sites });
    expect(settings.sites).toHaveLength(MAX_SITES);
    // chrome.storage.local allows 10 MB; the stored JSON must stay far below it.
    expect(JSON.stringify(settings).length).toBeLessThan(1_000_000);
  });
});

describe('normalizeSite', () => {
  it('accepts what users paste', () => {
    expect(normalizeSite(' https://www.LessWrong.com/posts/x ')).toBe('www.lesswrong.com');
    expect(normalizeSite('example.org:8080')).toBe('example.org');
    expect(normalizeSite('*.example.org')).toBe('example.org');
    expect(normalizeSite('localhost')).toBe('localhost');
  });
  it('rejects what is not a site', () => {
    for (const bad of ['', 'has space.com', '.leading.com', 'a..b', 'ex ample']) expect(normalizeSite(bad)).toBeNull();
  });
});

describe('isURLEnabled', () => {
  const on = { ...DEFAULT_SETTINGS };
  it('is on for web pages and files by default, off for browser pages', () => {
    expect(isURLEnabled(on, 'https://www.alignmentforum.org/posts/x')).toBe(true);
    expect(isURLEnabled(on, 'file:///home/me/paper.html')).toBe(true);
    expect(isURLEnabled(on, 'chrome://settings')).toBe(false);
    expect(isURLEnabled(on, 'not a url')).toBe(false);
  });
  it('turns a listed site and its subdomains off in blocklist mode', () => {
    const s = { ...on, sites: ['example.co.uk'] };
    expect(isURLEnabled(s, 'https://example.co.uk/')).toBe(false);
    expect(isURLEnabled(s, 'https://news.example.co.uk/a')).toBe(false);
    expect(isURLEnabled(s, 'https://notexample.co.uk/')).toBe(true);
  });
  it('turns only listed sites on in allowlist mode', () => {
    const s = { ...on, siteMode: 'allowlist' as const, sites: ['lesswrong.com'] };
    expect(isURLEnabled(s, 'https://www.lesswrong.com/')).toBe(true);
    expect(isURLEnabled(s, 'https://arxiv.org/')).toBe(false);
  });
  it('is off everywhere when the global switch is off', () => {
    expect(isURLEnabled({ ...on, enabled: false }, 'https://arxiv.org/')).toBe(false);
  });
  it('answers the same from a page location as from its address', () => {
    const s = { ...on, sites: ['example.co.uk'] };
    for (const url of ['https://news.example.co.uk/a', 'https://Example.org./', 'file:///tmp/p.html', 'chrome://newtab/', 'about:blank']) {
      expect(isURLEnabled(s, new URL(url))).toBe(isURLEnabled(s, url));
    }
  });
});

describe('siteKeyFor', () => {
  it('uses the registrable domain from the public suffix list', () => {
    expect(siteKeyFor('https://news.bbc.co.uk/x')).toBe('bbc.co.uk');
    expect(siteKeyFor('https://www.alignmentforum.org/')).toBe('alignmentforum.org');
    expect(siteKeyFor('https://someone.github.io/blog')).toBe('someone.github.io');
  });
  it('uses the host where there is no registrable domain', () => {
    expect(siteKeyFor('http://localhost:3000/')).toBe('localhost');
    expect(siteKeyFor('http://127.0.0.1:8080/a')).toBe('127.0.0.1');
    expect(siteKeyFor('file:///tmp/a.html')).toBe('file');
    expect(siteKeyFor('about:blank')).toBeNull();
  });
});

describe('missingExpected (e2e helper)', async () => {
  const { missingExpected } = await import('../../harness/serve');
  it('accepts equal forms, plurals and whole-word containment, nothing else', () => {
    expect(
      missingExpected(
        ['AI safety', 'side effects', 'debate', 'elk'],
        ['AI safety gridworlds', 'Avoiding side effects', 'debates', 'elkhound'],
      ),
    ).toEqual(['elk']);
    expect(missingExpected(['safety'], ['unsafety'])).toEqual(['safety']);
  });
});
