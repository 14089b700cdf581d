/**
 * Settings migrations, keyed by the version they produce (the @wxt-dev/storage convention).
 *
 * Version 1 is the first stored shape. A future change adds `2: (v1) => v2` here, with a test in
 * tests/unit/settings.test.ts that feeds it a real version-1 value.
 * Must never: throw; a migration that cannot understand its input returns it unchanged and lets
 * the sanitiser repair it.
 */
export const migrations: Record<number, (old: unknown) => unknown> = {};
