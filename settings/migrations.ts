/**
 * Settings migrations, keyed by the version they produce (the @wxt-dev/storage convention), each
 * with a test on a real value of the version before. Cost: run only when the stored version is
 * older. Must never: throw; a migration that cannot understand its input returns it unchanged and
 * lets the sanitiser repair it.
 */
export const migrations: Record<number, (old: unknown) => unknown> = {
  // Version 2 added the known terms and how they are drawn: a version-1 value keeps every field
  // and starts with none known (the sanitiser fills in the new fields' defaults).
  2: (v1) => (typeof v1 === 'object' && v1 !== null && !Array.isArray(v1) ? { ...v1, knownTerms: [], knownStyle: 'fade' } : v1),
};
