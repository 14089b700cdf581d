/**
 * What a content script needs before it can scan: its settings, asked of the background, and
 * their changes, told by the background.
 *
 * What it does: `readPageStart` asks the background for the stored settings value (messaging
 * contract: get-stored-settings) and sanitises it here, so a repaired value is reported in the
 * page's own console; `settingsChangeIn` reads the value a stored-settings-changed message
 * carries. The page needs the messaging API anyway (its text is matched in the background);
 * reading storage itself would make every page set up the storage API as well, about a
 * millisecond of its main thread.
 * Cost: one message per page; one per settings change.
 * Must never: fail the page when the settings cannot be had (defaults are used, with a console
 * note), or write settings.
 */
import { isStoredSettingsChanged, type StoredSettingsReply } from './contract';
import { repairedSettings, type Settings } from '../settings/settings';

export async function readPageStart(send: (message: { type: 'get-stored-settings' }) => Promise<unknown>): Promise<{ settings: Settings }> {
  let stored: unknown = null;
  try {
    const reply = (await send({ type: 'get-stored-settings' })) as StoredSettingsReply | undefined;
    if (!reply || typeof reply !== 'object' || !('value' in reply)) throw new Error('no reply from the background');
    stored = reply.value;
  } catch (err) {
    console.warn('Alignment Glossary: could not read settings, using defaults', err);
  }
  return { settings: repairedSettings(stored ?? null) };
}

/** The settings a stored-settings-changed message carries, sanitised; null for any other message. */
export function settingsChangeIn(message: unknown): Settings | null {
  return isStoredSettingsChanged(message) ? repairedSettings(message.value ?? null) : null;
}
