/**
 * What a content script needs before it scans: its settings, asked of the background (sanitised
 * there), and their changes. Asking, not reading storage, spares every page the storage API's
 * set-up and the sanitiser (measured: bench/README.md). Cost: one message per page and per change.
 * Must never: fail the page without settings (defaults, with a console note), or write settings.
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
