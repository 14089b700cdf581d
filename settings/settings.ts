/**
 * Settings: the typed shape, the defaults, and `sanitizeSettings`, which keeps each valid field and
 * replaces (and lists) each invalid one, so a corrupt or hand-edited value never crashes the
 * extension or costs the user other settings. Cost: a handful of checks, one site-list pass.
 * Must never: throw, or drop a valid field because a neighbouring field is broken.
 */
export type PaintModeSetting = 'first' | 'all';
export type HighlightStyle = 'underline' | 'tint' | 'underline-tint';
export type SiteListMode = 'blocklist' | 'allowlist';
/** How a term the reader marked as known is drawn: faintly (its card still opens) or not at all. */
export type KnownStyle = 'fade' | 'hide';

export interface Settings {
  /** Global switch. */
  enabled: boolean;
  /** Highlight the first occurrence of each term, or every occurrence. */
  mode: PaintModeSetting;
  style: HighlightStyle;
  /** blocklist: on everywhere except `sites`; allowlist: off everywhere except `sites`. */
  siteMode: SiteListMode;
  /** Registrable domains (example.co.uk), or hosts where there is none (localhost, 10.0.0.1). */
  sites: string[];
  /** Show the number of distinct terms on the toolbar icon. */
  badge: boolean;
  /** Open arxiv.org/pdf/ links in the glossary's PDF viewer instead of the browser's. */
  arxivAutoOpen: boolean;
  /** Cards open with the definition shown, not only the gist. */
  cardDefinition: boolean;
  /** Glossary entry ids the reader marked as known (in the order they were marked). */
  knownTerms: string[];
  knownStyle: KnownStyle;
  /** Keep a local history of the cards the reader opens. */
  history: boolean;
  /** Keep, with each term in the history, the addresses of the pages where it was looked up. */
  historyPages: boolean;
  /** Sync known terms, the reader's own terms and notes through the browser's sync storage (learning/sync.ts). */
  sync: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  mode: 'first',
  style: 'underline-tint',
  siteMode: 'blocklist',
  sites: [],
  badge: true,
  arxivAutoOpen: false,
  cardDefinition: false,
  knownTerms: [],
  knownStyle: 'fade',
  history: true,
  historyPages: false,
  sync: false,
});

/** The stored item's version (settings/migrations.ts); version 2 added the known terms. */
export const SETTINGS_VERSION = 2;

/** At most this many sites: far below the local storage quota (see tests). */
export const MAX_SITES = 20_000;
/** At most this many known terms (the bundled glossary has under a thousand entries). */
export const MAX_KNOWN = 5_000;

/** A glossary entry id: lower-case words joined by hyphens. */
export const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const SITE = /^[a-z0-9.-]{1,253}$|^\[[0-9a-f:.]+\]$/;

/** Lower-case, trim, drop a scheme, path or port a user may paste; null when not a site. */
export function normalizeSite(input: string): string | null {
  let s = input.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '');
  if (!s.startsWith('[')) s = s.replace(/:\d+$/, '');
  s = s.replace(/^\*\./, '').replace(/\.$/, '');
  if (!s || !SITE.test(s) || s.startsWith('.') || s.includes('..')) return null;
  return s;
}

/** The known-terms list with `id` added (at the end) or taken out. */
export function withKnown(list: readonly string[], id: string, known: boolean): string[] {
  const rest = list.filter((k) => k !== id);
  return known ? [...rest, id] : rest;
}

export interface SanitizeResult {
  settings: Settings;
  /** One line per field that was replaced by its default (for a console warning). */
  problems: string[];
}

export function sanitizeSettings(raw: unknown): SanitizeResult {
  const problems: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, sites: [], knownTerms: [] };
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, problems: [`settings: expected an object, found ${describe(raw)}; using defaults`] };
  }
  const r = raw as Record<string, unknown>;
  const pick = <K extends keyof Settings>(key: K, ok: (v: unknown) => v is Settings[K]) => {
    if (!(key in r)) return;
    if (ok(r[key])) settings[key] = r[key];
    else problems.push(`settings.${key}: ${describe(r[key])} is not valid; using ${JSON.stringify(DEFAULT_SETTINGS[key])}`);
  };
  const oneOf =
    <T extends string>(...values: T[]) =>
    (v: unknown): v is T =>
      typeof v === 'string' && (values as string[]).includes(v);
  pick('enabled', (v): v is boolean => typeof v === 'boolean');
  pick('badge', (v): v is boolean => typeof v === 'boolean');
  pick('arxivAutoOpen', (v): v is boolean => typeof v === 'boolean');
  pick('cardDefinition', (v): v is boolean => typeof v === 'boolean');
  pick('history', (v): v is boolean => typeof v === 'boolean');
  pick('historyPages', (v): v is boolean => typeof v === 'boolean');
  pick('sync', (v): v is boolean => typeof v === 'boolean');
  pick('mode', oneOf('first', 'all'));
  pick('style', oneOf('underline', 'tint', 'underline-tint'));
  pick('siteMode', oneOf('blocklist', 'allowlist'));
  pick('knownStyle', oneOf('fade', 'hide'));
  /** A list of strings: each kept in its normal form (or dropped, and counted), once, up to `max`. */
  const pickList = (key: 'sites' | 'knownTerms', normal: (v: unknown) => string | null, what: string, max: number) => {
    if (!(key in r)) return;
    const raw = r[key];
    if (!Array.isArray(raw)) return void problems.push(`settings.${key}: ${describe(raw)} is not a list; using an empty list`);
    const seen = new Set<string>();
    let bad = 0;
    for (const v of raw) {
      const n = normal(v);
      if (n === null) bad++;
      else seen.add(n);
    }
    if (bad) problems.push(`settings.${key}: dropped ${bad} entr${bad === 1 ? 'y' : 'ies'} that are not ${what}`);
    settings[key] = [...seen].slice(0, max);
    if (seen.size > max) problems.push(`settings.${key}: kept the first ${max} ${what}`);
  };
  pickList('knownTerms', (v) => (typeof v === 'string' && v.length <= 200 && ENTRY_ID.test(v) ? v : null), 'entry ids', MAX_KNOWN);
  pickList('sites', (v) => (typeof v === 'string' ? normalizeSite(v) : null), 'sites', MAX_SITES);
  return { settings, problems };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

/** Sanitise a stored value, warning in the console when something had to be repaired. */
export function repairedSettings(raw: unknown): Settings {
  const { settings, problems } = sanitizeSettings(raw);
  if (problems.length) console.warn(`Alignment Glossary: repaired stored settings:\n  ${problems.join('\n  ')}`);
  return settings;
}
