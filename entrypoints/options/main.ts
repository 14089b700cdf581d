/**
 * Options entry: wiring only (see options/options-app.ts).
 * Cost: nothing outside the options page.
 * Must never: send settings anywhere; an export is a local download.
 */
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/options/options-app';
import { t } from '@/messaging/i18n';
import { loadSettings, saveSettings } from '@/settings/store';
import { loadEntries } from '@/glossary/entries-file';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');

void new OptionsApp({
  doc: document,
  t,
  loadSettings,
  saveSettings,
  entries: loadEntries,
  download(filename, text) {
    // A blob URL is local: nothing leaves the machine.
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
}).mount(document.getElementById('app')!);
