/**
 * Settings migrations, keyed by the version they produce (the @wxt-dev/storage convention); a
 * future change adds `2: (v1) => v2` with a test on a real version-1 value. Cost: run only when the
 * stored version is older. Must never: throw; a migration that cannot understand its input returns
 * it unchanged and lets the sanitiser repair it.
 */
export const migrations: Record<number, (old: unknown) => unknown> = {};
