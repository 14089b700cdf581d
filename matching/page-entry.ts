/**
 * What the every-page script and the matcher share about a page's own terms: entry indices of
 * page terms start at PAGE_BASE, far above any glossary entry's (ids "page:<slug>"), and the marks
 * a snapshot gives text nodes that may hold a defined term (page-definitions.ts).
 * Cost: none. Must never: overlap glossary indices, or import anything (every page loads it).
 */
export const PAGE_BASE = 1 << 20;
export const isPageEntry = (entry: number): boolean => entry >= PAGE_BASE;

export const MARK_EMPHASIS = 1;
export const MARK_DFN = 2;
export const MARK_DT = 3;
export const MARK_HEADING = 4;
