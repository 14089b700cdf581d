/**
 * What a content script needs before it can scan: its settings, asked of the background, and
 * their changes, told by the background.
 *
 * What it does: `readPageStart` asks the background for the stored settings (messaging contract:
 * get-stored-settings), which the background has sanitised (background/settings-relay.ts);
 * `settingsChangeIn` reads the settings a stored-settings-changed message carries. The page needs
 * the messaging API anyway (its text is matched in the background); reading storage itself would
 * make every page set up the storage API as well, about a millisecond of its main thread, and
 * carry the sanitiser.
 * Cost: one message per page; one per settings change.
 * Must never: fail the page when the settings cannot be had (defaults are used, with a console
 * note), or write settings.
 */
import { isStoredSettingsChanged, isStoredSettingsReply } from './contract';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';

export async function readPageStart(send: (message: { type: 'get-stored-settings' }) => Promise<unknown>): Promise<{ settings: Settings }> {
  try {
    const reply = await send({ type: 'get-stored-settings' });
    if (!isStoredSettingsReply(reply)) throw new Error('no settings in the reply from the background');
    return { settings: reply.value };
  } catch (err) {
    console.warn('Alignment Glossary: could not read settings, using defaults', err);
    return { settings: DEFAULT_SETTINGS };
  }
}

/** The settings a stored-settings-changed message carries; null for any other message. */
export function settingsChangeIn(message: unknown): Settings | null {
  return isStoredSettingsChanged(message) ? message.value : null;
}
