/**
 * What a content script needs before it can scan: the settings and the compiled matcher, in one
 * storage read.
 *
 * What it does: the background keeps a copy of this build's matcher in `storage.local` (written
 * at install and update, see entrypoints/background.ts); the content script reads it together
 * with the settings, checks that it belongs to this build (`virtual:glossary/matcher-version`),
 * and otherwise asks the background for it (first moments after an install or update, or storage
 * cleared). The matcher is ~150 kB of tables: compiled into the content script, every page would
 * pay to compile that string literal again (about 2-3 ms); read from storage it costs one string.
 * Cost: one storage read per page, plus one message in the rare case the copy is missing.
 * Must never: scan with a matcher from another build, or fail the page when storage is unusable
 * (the background is asked instead).
 */
import { browser } from 'wxt/browser';
import type { CompiledMatcher } from '../matching/compiled';
import { repairedSettings, type Settings } from '../settings/settings';
import { SETTINGS_KEY } from '../settings/read-settings';

/** Storage key of the background's copy of the matcher. */
export const MATCHER_KEY = 'matcher';

export interface StoredMatcher extends CompiledMatcher {
  version: string;
}

export function isStoredMatcher(v: unknown, version: string): v is StoredMatcher {
  const m = v as Partial<StoredMatcher> | null;
  return !!m && m.version === version && typeof m.trie === 'string' && Array.isArray(m.ids) && Array.isArray(m.terms) && typeof m.cs === 'object' && m.cs !== null;
}

export async function readPageStart(version: string): Promise<{ settings: Settings; matcher: CompiledMatcher }> {
  let stored: Record<string, unknown> = {};
  try {
    stored = (await browser.storage.local.get([SETTINGS_KEY, MATCHER_KEY])) as Record<string, unknown>;
  } catch (err) {
    console.warn('Alignment Glossary: could not read settings, using defaults', err);
  }
  const settings = repairedSettings(stored[SETTINGS_KEY] ?? null);
  const copy = stored[MATCHER_KEY];
  const matcher = isStoredMatcher(copy, version) ? copy : ((await browser.runtime.sendMessage({ type: 'get-matcher' })) as StoredMatcher);
  if (!isStoredMatcher(matcher, version)) throw new Error('Alignment Glossary: no matcher for this build');
  return { settings, matcher };
}
