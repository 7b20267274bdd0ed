import { GRAMMAR } from "../../../lexicon/language.js";

const BODY_NOUNS = GRAMMAR.bodyNouns.join("|");
/** "Cambodian police", "Interpol": a capitalised run, and the body it names if a word for one follows. */
const PARTNER = String.raw`\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*(?:\s+(?:${BODY_NOUNS})\b)?`;

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * "Harbourshire and Lusan police dismantled a lab", "Harbourshire, together with Interpol, …": the
 * one a place acted with, named right beside it; a place ending a list ("Hunan, Sichuan and Anhui")
 * acted with no one. Null when the sentence names no partner.
 */
export function partnerOf(place: string, text: string): string | null {
  const joined = new RegExp(
    String.raw`(?<!,\s*)\b${escaped(place)}(?:\s+\p{Ll}+)?(?:\s+and|,?\s+(?:together with|jointly with|alongside)|\s+with)\s+(?:the\s+)?(${PARTNER})`,
    "u",
  );
  return joined.exec(text)?.[1] ?? null;
}
