/**
 * Options entry: wiring only (see options/options-app.ts).
 * Cost: nothing outside the options page.
 * Must never: send settings anywhere; an export is a local download.
 */
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/options/options-app';
import { t } from '@/messaging/i18n';
import { loadSettings, saveImport, saveSettings } from '@/settings/store';
import { loadMyGlossary, updateMyGlossary } from '@/settings/my-glossary';
import { SYNC_STATUS_KEY, type SyncStatus } from '@/learning/sync';
import { loadEntries } from '@/glossary/entries-file';
import { downloadText } from '@/components/download';
import { clearHistory, loadHistory } from '@/learning/history-store';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');

void new OptionsApp({
  doc: document,
  t,
  loadSettings,
  saveSettings,
  entries: loadEntries,
  // A blob URL is local: nothing leaves the machine.
  download: (filename, text, type) => downloadText(document, filename, text, type),
  history: { load: loadHistory, clear: clearHistory },
  mine: { load: loadMyGlossary, update: updateMyGlossary },
  saveImport,
  initialAdd: new URLSearchParams(location.search).get('add') ?? undefined,
  syncStatus: async () => ((await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY] as SyncStatus | undefined) ?? null,
  watchSyncStatus: (cb) =>
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && changes[SYNC_STATUS_KEY]) cb((changes[SYNC_STATUS_KEY].newValue as SyncStatus | undefined) ?? null);
    }),
}).mount(document.getElementById('app')!);
