/**
 * UI strings: every user-visible string comes from the browser's i18n files
 * (public/_locales/<lang>/messages.json), English first. Cost: one browser.i18n lookup per string.
 * Must never: return an empty string for a missing key; the key itself is shown so the gap is
 * visible and tests catch it.
 */
import { browser } from 'wxt/browser';

export type Translate = (key: string, ...subs: (string | number)[]) => string;

export const t: Translate = (key, ...subs) => browser.i18n.getMessage(key as never, subs.map(String)) || key;
