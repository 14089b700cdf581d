/**
 * Topic gate: decides whether a page is about AI, so ambiguous forms ("debate", "AGI") are
 * highlighted there only; evidence (distinct unambiguous entries, AI keywords) only accumulates.
 * Cost: a Set insert or a counter bump per match. Must never: count a gated form as evidence; an
 * off-topic page could talk itself into being about AI ("alignment problem" on a CSS page).
 */
export interface TopicGateOptions {
  /** Distinct unambiguous entries that alone make a page about AI. */
  minEntries: number;
  /** AI keyword occurrences that alone make a page about AI. */
  minKeywords: number;
}

export const DEFAULT_TOPIC_GATE: TopicGateOptions = { minEntries: 3, minKeywords: 4 };

export class TopicGate {
  private entries = new Set<number>();
  private keywords = 0;
  private decided = false;

  constructor(private readonly options: TopicGateOptions = DEFAULT_TOPIC_GATE) {}

  addEntry(entry: number): void {
    this.entries.add(entry);
  }

  addKeyword(): void {
    this.keywords++;
  }

  /** AI keywords that alone make a page about AI (a scan looks at this many first). */
  get keywordsEnough(): number {
    return this.options.minKeywords;
  }

  get isAiPage(): boolean {
    if (!this.decided) this.decided = this.qualifies(this.entries.size, this.keywords);
    return this.decided;
  }

  /**
   * Whether the page would qualify with `keywords` more keywords than counted so far (nothing
   * is counted): a scan uses it to skip text whose held-back forms could not be shown anyway.
   */
  couldQualifyWith(keywords: number): boolean {
    return this.decided || this.qualifies(this.entries.size, this.keywords + keywords);
  }

  private qualifies(e: number, k: number): boolean {
    const { minEntries, minKeywords } = this.options;
    // Two kinds of weaker evidence together also count: one entry plus a couple of keywords.
    return e >= minEntries || k >= minKeywords || (e >= 1 && k >= 2) || (e >= 2 && k >= 1);
  }
}
