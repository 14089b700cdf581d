/**
 * What the every-page script and the matcher share about entries that are not the glossary's:
 * the reader's own terms take indices from USER_BASE (ids "user:<slug>"), a page's own terms from
 * PAGE_BASE (ids "page:<slug>"), both far above any glossary entry's; and the marks a snapshot
 * gives text nodes that may hold a defined term (page-definitions.ts).
 * Cost: none. Must never: let the ranges overlap, or import anything (every page loads it).
 */
export const USER_BASE = 1 << 19;
export const PAGE_BASE = 1 << 20;
export const isPageEntry = (entry: number): boolean => entry >= PAGE_BASE;
export const isUserEntry = (entry: number): boolean => entry >= USER_BASE && entry < PAGE_BASE;

export const MARK_EMPHASIS = 1;
export const MARK_DFN = 2;
export const MARK_DT = 3;
export const MARK_HEADING = 4;
