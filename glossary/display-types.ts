/** The runtime shape of a glossary entry as the UI sees it (see display.ts). Types only. */
export interface DisplaySource {
  authors: string[];
  title: string;
  year: number;
  url: string;
  arxiv?: string;
  doi?: string;
}

export interface DisplayEntry {
  id: string;
  term: string;
  aliases: string[];
  /** Forms highlighted only on pages about AI (acronyms among them); the popup searches them too. */
  gatedAliases: string[];
  category: string;
  gist: string;
  definition: string;
  /** Indexes into the same entries array. */
  related: number[];
  contrasts: number[];
  sources: DisplaySource[];
  /** The month the entry's facts were last checked against its sources, YYYY-MM. */
  reviewed: string;
  depth?: {
    origin: string;
    keyIdeas: string[];
    debates: string[];
    furtherReading: DisplaySource[];
  };
}

/** What the hover card needs of one entry; the background sends it on demand. */
export interface CardEntry {
  index: number;
  id: string;
  term: string;
  category: string;
  gist: string;
  definition: string;
  related: { index: number; id: string; term: string }[];
  contrasts: { index: number; id: string; term: string }[];
  source: DisplaySource | null;
  reviewed: string;
  /** The in-depth layer, for the entries that have one (opened inside the card). */
  depth?: DisplayEntry['depth'];
  /** A term the page defines itself: its defining sentence (and acronym); no glossary data. */
  page?: { sentence: string; acronym?: string };
  /** How the page defines this glossary term in its own words ("This page: …"). */
  pageNote?: string;
  /** One of the reader's own terms ("Your term"), with the link to its source if they gave one. */
  user?: { source?: string };
  /** The reader's private note on the entry. */
  note?: string;
}
