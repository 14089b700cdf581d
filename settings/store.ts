/**
 * Settings store: the one versioned `local:settings` item (@wxt-dev/storage, with migrations), read
 * and written through the sanitiser. Local, not sync: sync allows 8 kB per item, too little for a
 * long site list. Cost: one storage read per call; watchers fire once per change.
 * Must never: write an unsanitised value, or crash on whatever another version left behind.
 */
import { storage } from 'wxt/utils/storage';
import { SETTINGS_VERSION, repairedSettings as repaired, sanitizeSettings, withKnown, type Settings } from './settings';
import { migrations } from './migrations';
import { myGlossaryItem, type MyGlossary } from './my-glossary';

/**
 * The key the settings live under in local storage. Pages never read it: they get the settings,
 * sanitised, from the background (background/settings-relay.ts).
 */
export const SETTINGS_KEY = 'settings';

const item = storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, {
  fallback: null,
  version: SETTINGS_VERSION,
  migrations,
});

export async function loadSettings(): Promise<Settings> {
  try {
    return repaired(await item.getValue());
  } catch (err) {
    console.warn('Alignment Glossary: could not read settings, using defaults', err);
    return repaired(null);
  }
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const clean = sanitizeSettings(settings).settings;
  await item.setValue(clean);
  return clean;
}

/**
 * An imported file: the settings and the reader's glossary in one storage write, so a refused
 * write (the quota) leaves both as they were.
 */
export async function saveImport(settings: Settings, mine: MyGlossary): Promise<Settings> {
  const clean = sanitizeSettings(settings).settings;
  await storage.setItems([
    { item, value: clean },
    { item: myGlossaryItem, value: mine },
  ]);
  return clean;
}

// Updates from one page run one after another: two quick clicks on a switch each read what the
// other wrote, so the second never saves over the first with what was there before both.
let updates: Promise<unknown> = Promise.resolve();

export function updateSettings(change: (s: Settings) => Partial<Settings>): Promise<Settings> {
  const run = updates.then(async () => {
    const current = await loadSettings();
    return saveSettings({ ...current, ...change(current) });
  });
  updates = run.catch(() => {});
  return run;
}

/** Mark an entry as known, or no longer known (a card, the popup, the options page). */
export function markKnown(id: string, known: boolean): Promise<Settings> {
  return updateSettings((s) => ({ knownTerms: withKnown(s.knownTerms, id, known) }));
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  return item.watch((raw) => cb(repaired(raw)));
}
