/**
 * Settings file: export to, and import from, a small versioned JSON file the user keeps; an import
 * applies completely or, in one sentence, says what is wrong and changes nothing. Version 2 keeps
 * the known terms, the reader's own terms and notes beside the settings; version-1 files still
 * import (and leave those as they are).
 * Cost: one JSON parse. Must never: apply part of a bad file, or accept a newer format.
 */
import { MAX_KNOWN, sanitizeSettings, type Settings } from './settings';
import { checkNotes, checkUserTerm, MAX_USER_TERMS, type BundledForms, type MyGlossary, type UserTerm } from './my-glossary';

export const FILE_FORMAT = 'alignment-glossary-settings';
export const FILE_VERSION = 2;

export function exportSettings(settings: Settings, mine: MyGlossary): string {
  const { knownTerms, ...rest } = settings;
  const doc = { format: FILE_FORMAT, version: FILE_VERSION, settings: rest, knownTerms, userTerms: mine.userTerms, notes: mine.notes };
  return JSON.stringify(doc, null, 2) + '\n';
}

export type ImportResult = { ok: true; settings: Settings; mine: MyGlossary } | { ok: false; reason: string };

export interface ImportContext {
  /** The settings and the reader's glossary now: a version-1 file keeps the known terms and the glossary. */
  current: Settings;
  currentMine: MyGlossary;
  /** The bundled glossary's forms: a user term may not take one. */
  bundled: BundledForms;
  /** Whether an id names a glossary entry (a file naming an unknown one is refused). */
  isEntryId(id: string): boolean;
}

export function parseSettingsFile(text: string, ctx: ImportContext): ImportResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `it is not valid JSON (${(err as Error).message}).` };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, reason: 'it does not contain a settings object.' };
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== FILE_FORMAT) {
    return { ok: false, reason: `it is not an Alignment Glossary settings file (expected "format": "${FILE_FORMAT}").` };
  }
  if (typeof d.version !== 'number' || !Number.isInteger(d.version) || d.version < 1) {
    return { ok: false, reason: 'its "version" is missing or not a whole number.' };
  }
  if (d.version > FILE_VERSION) {
    return { ok: false, reason: `it was written by a newer version of the extension (format ${d.version}); update the extension first.` };
  }
  if (typeof d.settings !== 'object' || d.settings === null || Array.isArray(d.settings)) {
    return { ok: false, reason: 'its "settings" field is missing or not an object.' };
  }
  // Known terms are a top-level field from version 2 on; inside "settings" they are not expected.
  const { knownTerms: _inside, ...settingsPart } = d.settings as Record<string, unknown>;
  const { settings, problems } = sanitizeSettings(settingsPart);
  if (problems.length) return { ok: false, reason: `${problems.join('; ')}.` };
  if (d.version === 1) return { ok: true, settings: { ...settings, knownTerms: ctx.current.knownTerms }, mine: ctx.currentMine };

  const known = d.knownTerms ?? [];
  if (!Array.isArray(known)) return { ok: false, reason: 'its "knownTerms" is not a list of entry ids.' };
  if (known.length > MAX_KNOWN) return { ok: false, reason: `it lists ${known.length} known terms; at most ${MAX_KNOWN} are kept.` };
  const bad = known.find((id) => typeof id !== 'string' || !ctx.isEntryId(id));
  if (bad !== undefined) return { ok: false, reason: `"knownTerms" names ${JSON.stringify(bad)}, which is not an entry of this glossary.` };
  const rawTerms = d.userTerms ?? [];
  if (!Array.isArray(rawTerms)) return { ok: false, reason: 'its "userTerms" is not a list.' };
  if (rawTerms.length > MAX_USER_TERMS)
    return { ok: false, reason: `it has ${rawTerms.length} terms of your own; at most ${MAX_USER_TERMS} are kept.` };
  const userTerms: UserTerm[] = [];
  for (const [i, raw] of rawTerms.entries()) {
    const t = checkUserTerm(raw, ctx.bundled, userTerms);
    if (typeof t === 'string') return { ok: false, reason: `its term number ${i + 1} cannot be added: ${t}.` };
    userTerms.push(t);
  }
  const notes = checkNotes(d.notes, ctx.isEntryId);
  if (typeof notes === 'string') return { ok: false, reason: `${notes}.` };
  return { ok: true, settings: { ...settings, knownTerms: [...new Set(known as string[])] }, mine: { userTerms, notes } };
}
