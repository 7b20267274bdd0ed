import type { Paragraph } from "../report/types.js";
import type { ReportIndex } from "./reportIndex.js";

export interface ParagraphHit {
  paragraph: Paragraph;
  snippet: string;
  score: number;
}

export function searchParagraphs(_query: string, _index: ReportIndex, _limit = 3): ParagraphHit[] {
  throw new Error("not implemented yet");
}
