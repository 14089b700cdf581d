/**
 * Settings file: export to, and import from, a small versioned JSON file the user keeps; an import
 * applies completely or, in one sentence, says what is wrong and changes nothing.
 * Cost: one JSON parse. Must never: apply part of a bad file, or accept a file from a newer
 * format version it does not understand.
 */
import { SETTINGS_VERSION, sanitizeSettings, type Settings } from './settings';

export const FILE_FORMAT = 'alignment-glossary-settings';

export function exportSettings(settings: Settings): string {
  return JSON.stringify({ format: FILE_FORMAT, version: SETTINGS_VERSION, settings }, null, 2) + '\n';
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; reason: string };

export function parseSettingsFile(text: string): ImportResult {
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
  if (d.version > SETTINGS_VERSION) {
    return { ok: false, reason: `it was written by a newer version of the extension (format ${d.version}); update the extension first.` };
  }
  if (typeof d.settings !== 'object' || d.settings === null || Array.isArray(d.settings)) {
    return { ok: false, reason: 'its "settings" field is missing or not an object.' };
  }
  const { settings, problems } = sanitizeSettings(d.settings);
  if (problems.length) return { ok: false, reason: `${problems.join('; ')}.` };
  return { ok: true, settings };
}
