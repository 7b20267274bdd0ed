export interface Sentence {
  /** Sentence text, trimmed. */
  text: string;
  /** Offset of the first character within the paragraph text. */
  start: number;
  /** Offset one past the last character within the paragraph text. */
  end: number;
}

export interface SectionRef {
  number: number;
  title: string;
}

export interface Paragraph {
  /** 1-based position among blank-line-separated blocks: the citation contract (¶N). */
  number: number;
  /** Text with Markdown syntax removed and surrounding whitespace trimmed. */
  text: string;
  isHeading: boolean;
  /** One item of a Markdown list. */
  isListItem: boolean;
  section: SectionRef | null;
  sentences: Sentence[];
  /** Labels of the table rows this paragraph reads ("Oakfield" under "District"), if any. */
  rowLabels?: RowLabel[];
}

/** A table row's label and the header of its column. */
export interface RowLabel {
  header: string;
  name: string;
  /** The row's own words, its label and text cells: where its places are named, not its headers. */
  own?: string;
}

export interface ParsedReport {
  paragraphs: Paragraph[];
  sections: (SectionRef & { paragraph: number })[];
}
