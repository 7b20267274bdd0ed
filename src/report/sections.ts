import type { SectionRef } from "./types.js";

const ORDINALS = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
];
const ORDINAL_HEADING = new RegExp(
  `^(?:the\\s+)?(${ORDINALS.join("|")})(?:ly)?(?:\\s+(?:is|are|was)\\b)?\\s*[,:;.，、\\s]`,
  "i",
);
const NUMBERED_HEADING = /^(?:(?:part|section|chapter)\s+)?\(?(\d{1,2}|[ivxlc]{1,6})[.)、:]\s*\S/i;
const ROMAN: ReadonlyMap<string, number> = new Map(
  Object.entries({ i: 1, v: 5, x: 10, l: 50, c: 100 }),
);

function romanToNumber(roman: string): number {
  let total = 0;
  const digits = [...roman.toLowerCase()].map((ch) => ROMAN.get(ch) ?? 0);
  digits.forEach((digit, i) => {
    total += digit < (digits[i + 1] ?? 0) ? -digit : digit;
  });
  return total;
}

export interface HeadingCandidate {
  /** Explicit number in the heading ("Fourth," → 4, "3." → 3), or null for an unnumbered Markdown heading. */
  number: number | null;
  title: string;
  /** Ordinal or numbered prose headings only count when they continue a sequence. */
  needsSequence: boolean;
}

function headingTitle(text: string, firstSentence: string): string {
  const line = text.length <= 160 ? text : firstSentence;
  return line.replace(/[\s.,;:。]+$/, "").slice(0, 200);
}

/** Is this paragraph a section heading, by its own wording? */
export function detectHeading(
  text: string,
  firstSentence: string,
  block: { markdownLevel: number | null; singleLine: boolean },
): HeadingCandidate | null {
  const title = headingTitle(text, firstSentence);
  const ordinal = ORDINAL_HEADING.exec(text);
  if (ordinal?.[1]) {
    const number = ORDINALS.indexOf(ordinal[1].toLowerCase()) + 1;
    return { number, title, needsSequence: block.markdownLevel === null };
  }
  const numbered = NUMBERED_HEADING.exec(text);
  const headingLike = block.markdownLevel !== null || (block.singleLine && text.length <= 160);
  if (numbered?.[1] && headingLike) {
    const raw = numbered[1];
    const number = /^\d+$/.test(raw) ? Number(raw) : romanToNumber(raw);
    if (number > 0) return { number, title, needsSequence: block.markdownLevel === null };
  }
  if (block.markdownLevel !== null) return { number: null, title, needsSequence: false };
  return null;
}

/** Assigns section numbers, enforcing that prose ordinals run in order (1, 2, 3 …). */
export class SectionTracker {
  private lastNumber = 0;
  private current: SectionRef | null = null;

  /** Returns true when the candidate opens a new section. */
  offer(candidate: HeadingCandidate | null): boolean {
    if (!candidate) return false;
    const { number, needsSequence } = candidate;
    if (needsSequence && number !== this.lastNumber + 1) return false;
    const assigned = number ?? this.lastNumber + 1;
    this.lastNumber = assigned;
    this.current = { number: assigned, title: candidate.title };
    return true;
  }

  get section(): SectionRef | null {
    return this.current;
  }
}
