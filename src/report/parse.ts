import { checkTableCells, REPORT_LIMITS, type ReportLimits } from "./limits.js";
import {
  isListItemLine,
  isRule,
  isSetextUnderline,
  markdownHeading,
  stripInline,
  stripListMarker,
} from "./markdown.js";
import { detectHeading, SectionTracker } from "./sections.js";
import { splitSentences } from "./sentences.js";
import { isTableBlock, readLooseRows, tableCellCount, tableToText } from "./table.js";
import type { Paragraph, ParsedReport } from "./types.js";

/** One numbered unit before sentence splitting: a blank-line block, or one list item of a block. */
interface RawParagraph {
  text: string;
  isListItem: boolean;
  markdownLevel: number | null;
  singleLine: boolean;
}

function blocksOf(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)) {
    if (line.trim() === "") {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function cleanText(lines: string[]): string {
  return stripInline(lines.map((line) => line.trim()).join("\n"))
    .replace(/\s+/g, " ")
    .trim();
}

function splitBlock(lines: string[], markdown: boolean, limits: ReportLimits): RawParagraph[] {
  if (lines.every(isRule)) return [];
  if (isTableBlock(lines)) {
    checkTableCells(tableCellCount(lines), limits);
    return [
      { text: tableToText(lines), markdownLevel: null, singleLine: false, isListItem: false },
    ];
  }
  const first = lines[0] ?? "";
  const heading = markdownHeading(first);
  if (heading && lines.length === 1) {
    return [
      {
        text: cleanText([heading.text]),
        markdownLevel: heading.level,
        singleLine: true,
        isListItem: false,
      },
    ];
  }
  if (lines.length === 2 && isSetextUnderline(lines[1] ?? "")) {
    const level = lines[1]?.trim().startsWith("=") ? 1 : 2;
    return [
      { text: cleanText([first]), markdownLevel: level, singleLine: true, isListItem: false },
    ];
  }
  if (markdown && lines.length > 1 && lines.some(isListItemLine)) return splitListBlock(lines);
  const text = heading ? cleanText([heading.text, ...lines.slice(1)]) : cleanText(lines);
  return [
    {
      text,
      markdownLevel: heading?.level ?? null,
      singleLine: lines.length === 1,
      isListItem: false,
    },
  ];
}

/** Each list item stands as its own paragraph; lines before the first item form one too. */
function splitListBlock(lines: string[]): RawParagraph[] {
  const groups: string[][] = [];
  let inList = false;
  for (const line of lines) {
    if (isListItemLine(line)) {
      groups.push([stripListMarker(line)]);
      inList = true;
    } else if (groups.length === 0 || !inList) {
      if (groups.length === 0) groups.push([]);
      groups[groups.length - 1]?.push(line);
    } else {
      groups[groups.length - 1]?.push(line);
    }
  }
  return groups.map((group, i) => ({
    text: cleanText(group),
    isListItem: i > 0 || isListItemLine(lines[0] ?? ""),
    markdownLevel: null,
    singleLine: false,
  }));
}

/** List items are separate paragraphs in Markdown; plain text keeps its bullet blocks whole. */
function looksLikeMarkdown(text: string): boolean {
  return (
    /^#{1,6}\s+\S/m.test(text) ||
    /\*\*\S[^*]*\*\*/.test(text) ||
    /\[[^[\]]+\]\([^()\s]+\)/.test(text)
  );
}

/** A lone top-level title followed by deeper headings is the document's title, not a section. */
function isDocumentTitle(raw: RawParagraph[], position: number): boolean {
  const level = raw[position]?.markdownLevel;
  if (level !== 1) return false;
  const ones = raw.filter((p) => p.markdownLevel === 1).length;
  const deeper = raw.some((p) => p.markdownLevel !== null && p.markdownLevel > 1);
  return position === 0 && ones === 1 && deeper;
}

/** Parse report text (plain or Markdown) into numbered paragraphs, sections and sentences. */
export function parseReport(text: string, limits: ReportLimits = REPORT_LIMITS): ParsedReport {
  const markdown = looksLikeMarkdown(text);
  const blocks = blocksOf(text)
    .flatMap((block) => splitBlock(block, markdown, limits))
    .filter((p) => p.text.length > 0);
  const rows = readLooseRows(blocks.map((block) => block.text));
  const raw = blocks.map((block, i) => ({ ...block, text: rows[i] ?? block.text }));
  const tracker = new SectionTracker();
  const paragraphs: Paragraph[] = [];
  const sections: ParsedReport["sections"] = [];
  raw.forEach((block, position) => {
    const number = position + 1;
    const sentences = splitSentences(block.text);
    const candidate = isDocumentTitle(raw, position)
      ? null
      : detectHeading(block.text, sentences[0]?.text ?? block.text, block);
    const opensSection = tracker.offer(candidate);
    const section = tracker.section;
    if (opensSection && section) sections.push({ ...section, paragraph: number });
    paragraphs.push({
      number,
      text: block.text,
      isListItem: block.isListItem,
      isHeading: block.markdownLevel !== null || (opensSection && block.text.length <= 160),
      section,
      sentences,
    });
  });
  return { paragraphs, sections };
}
