/** What the deliverable should define, used to pick the right code block from a reply. */
export interface ModuleExpectation {
  /** The design's main class (e.g. `LibraryLendingService`); a block defining it wins. */
  primaryClass?: string | null;
  /** Other top-level classes and functions the design names. */
  symbols?: readonly string[];
}

/** Part of a reply that is not the module and was removed. Lines are 1-based in the raw reply. */
export interface StrippedPart {
  kind: 'reasoning' | 'prose' | 'fence' | 'other-block';
  startLine: number;
  endLine: number;
  /** The first characters of the removed text, for the run record. */
  preview: string;
}

/** The module found in a reply. */
export interface ExtractedModule {
  /** The module's source, ending with one newline. */
  code: string;
  /** Where it came from: the whole reply, one fenced block, or several blocks joined. */
  origin: 'raw' | 'fenced-block' | 'outermost-fence' | 'joined-blocks';
  stripped: StrippedPart[];
  /** Fenced blocks in the reply. */
  blockCount: number;
  /** Expected symbols the chosen code defines, and whether it parses without errors. */
  matchedSymbols: string[];
  parses: boolean;
  /** One line for people: what was removed. Empty when the reply was the module as is. */
  summary: string;
}

/** Why no module could be taken from a reply. */
export interface ExtractionFailure {
  reason: string;
}
