/**
 * Sync in the background: while the reader has sync on, each change of their known terms, terms
 * or notes is written to the browser's sync storage (learning/sync.ts), and a copy written by
 * another of their browsers is applied here. The outcome is kept for the options page.
 * Cost: one sync write per change (debounced); nothing while off.
 * Must never: touch sync storage while sync is off, or write back a copy it has just applied.
 */
import { browser } from 'wxt/browser';
import {
  applyCopy,
  learnedOf,
  packSync,
  SYNC_PREFIX,
  SYNC_STATUS_KEY,
  unpackSync,
  type Learned,
  type SyncCopy,
  type SyncStatus,
} from '../learning/sync';
import { loadMyGlossary, MY_GLOSSARY_KEY, updateMyGlossary } from '../settings/my-glossary';
import { loadSettings, SETTINGS_KEY, updateSettings } from '../settings/store';

const DEVICE_KEY = 'sync-device';
const content = (l: Learned) => JSON.stringify([l.knownTerms, l.userTerms, l.notes]);

async function deviceId(): Promise<string> {
  const got = await browser.storage.local.get(DEVICE_KEY);
  if (typeof got[DEVICE_KEY] === 'string') return got[DEVICE_KEY];
  const id = crypto.randomUUID();
  await browser.storage.local.set({ [DEVICE_KEY]: id });
  return id;
}

async function local(): Promise<Learned> {
  const [s, mine] = await Promise.all([loadSettings(), loadMyGlossary()]);
  return learnedOf(s.knownTerms, mine);
}

async function remote(): Promise<SyncCopy | null> {
  return unpackSync(await browser.storage.sync.get(null));
}

const status = (s: SyncStatus) => browser.storage.local.set({ [SYNC_STATUS_KEY]: s }).catch(() => {});

export function startLearnedSync(): void {
  let on: boolean | null = null;
  /** The content last written or applied: a change that leaves it as it is is not written again. */
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  const serial = (f: () => Promise<unknown>) =>
    (chain = chain.then(f).catch((err) => status({ at: Date.now(), ok: false, error: String(err) })));

  const push = () =>
    serial(async () => {
      const learned = await local();
      if (content(learned) === last) return;
      const { items, copy } = packSync(learned, await deviceId(), Date.now());
      const old = Object.keys(await browser.storage.sync.get(null)).filter((k) => k.startsWith(SYNC_PREFIX) && !(k in items));
      try {
        await browser.storage.sync.set(items);
        if (old.length) await browser.storage.sync.remove(old);
      } catch (err) {
        // The quota or the network: the copy in sync storage and everything here stay as they were.
        return status({ at: Date.now(), ok: false, error: (err as Error).message });
      }
      last = content(copy);
      return status({ at: Date.now(), ok: true, left: copy.left });
    });

  const pull = (first: boolean) =>
    serial(async () => {
      const copy = await remote();
      if (!copy || (!first && copy.device === (await deviceId()))) return;
      const next = applyCopy(await local(), copy, first);
      last = content(copy);
      await updateSettings(() => ({ knownTerms: next.knownTerms }));
      await updateMyGlossary((g) => ({ ...g, userTerms: next.userTerms, notes: next.notes }));
      await status({ at: Date.now(), ok: true, left: copy.left });
    });

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void push(), 400);
  };

  void loadSettings().then((s) => {
    on = s.sync;
    if (on) void pull(false).then(() => schedule());
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync') {
      if (on && Object.keys(changes).some((k) => k.startsWith(SYNC_PREFIX))) void pull(false);
      return;
    }
    if (area !== 'local') return;
    if (Object.hasOwn(changes, SETTINGS_KEY)) {
      const wasOn = on;
      void loadSettings().then((s) => {
        on = s.sync;
        // Turned on here: what sync holds and what this browser holds are put together first.
        if (on && !wasOn) void pull(true).then(() => schedule());
        else if (on) schedule();
      });
    }
    if (on && Object.hasOwn(changes, MY_GLOSSARY_KEY)) schedule();
  });
}
