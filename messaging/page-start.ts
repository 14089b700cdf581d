/**
 * What a content script needs before it can scan: its settings, in one storage read.
 *
 * What it does: reads the settings the store wrote (settings/store.ts), sanitised. The glossary
 * itself stays in the background, which matches the page's text (page/match-source.ts), so a
 * page reads no glossary data at all.
 * Cost: one storage read per page.
 * Must never: fail the page when storage is unusable (defaults are used, with a console note).
 */
import { browser } from 'wxt/browser';
import { repairedSettings, type Settings } from '../settings/settings';
import { SETTINGS_KEY } from '../settings/read-settings';

export async function readPageStart(): Promise<{ settings: Settings }> {
  let stored: Record<string, unknown> = {};
  try {
    stored = (await browser.storage.local.get(SETTINGS_KEY)) as Record<string, unknown>;
  } catch (err) {
    console.warn('Alignment Glossary: could not read settings, using defaults', err);
  }
  return { settings: repairedSettings(stored[SETTINGS_KEY] ?? null) };
}
