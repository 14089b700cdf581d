declare module 'virtual:glossary/matcher' {
  const matcher: import('../matching/compiled').CompiledMatcher;
  export default matcher;
}
declare module 'virtual:glossary/entries' {
  export function loadEntries(): import('./display-types').DisplayEntry[];
}
