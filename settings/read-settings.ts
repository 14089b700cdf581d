/**
 * Where the settings are stored, for readers that do not use the store (settings/store.ts):
 * the background hands the raw value to content scripts (messaging/page-start.ts).
 *
 * Cost: none (a name). Must never: be written through anything but the store.
 */

// The key @wxt-dev/storage uses for 'local:settings' (tests check the two agree).
export const SETTINGS_KEY = 'settings';
