/**
 * Settings migrations, keyed by the version they produce (the @wxt-dev/storage convention), each
 * with a test on a real value of the version before. Cost: run only when the stored version is
 * older. Must never: throw; a migration that cannot understand its input returns it unchanged and
 * lets the sanitiser repair it.
 */
export const migrations: Record<number, (old: unknown) => unknown> = {
  // Version 2 added the known terms and the history: a version-1 value keeps every field, starts
  // with none known, and keeps a history without page addresses. A field already there stays (a
  // value written without its version, by hand or by a tool, is read as version 1).
  2: (v1) =>
    typeof v1 === 'object' && v1 !== null && !Array.isArray(v1)
      ? { knownTerms: [], knownStyle: 'fade', history: true, historyPages: false, sync: false, ...v1 }
      : v1,
};
