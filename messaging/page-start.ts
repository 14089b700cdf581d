/**
 * What a content script needs before it scans: its settings, asked of the background (sanitised
 * there), and their changes. Asking, not reading storage, spares every page the storage API's
 * set-up and the sanitiser (measured: bench/README.md). Cost: one message per page and per change.
 * Must never: fail the page without settings (defaults, with a console note), or write settings.
 */
import type { Message, Send } from './contract';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';

export async function readPageStart(send: Send): Promise<{ settings: Settings }> {
  try {
    const reply = await send({ type: 'get-stored-settings' });
    if (typeof reply?.value !== 'object' || reply.value === null) throw new Error('no settings in the reply from the background');
    return { settings: reply.value };
  } catch (err) {
    console.warn('Alignment Glossary: could not read settings, using defaults', err);
    return { settings: DEFAULT_SETTINGS };
  }
}

/** The settings a stored-settings-changed message carries; null for any other message. */
export function settingsChangeIn(message: unknown): Settings | null {
  const m = message as Partial<Message<'stored-settings-changed'>> | null;
  return m?.type === 'stored-settings-changed' && typeof m.value === 'object' && m.value !== null ? m.value : null;
}
