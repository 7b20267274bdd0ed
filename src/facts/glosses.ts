// A report's own term and the plain words it glosses it with: "fast inflatable skiffs known as
// "pangas"", "pangas, the fast inflatable skiffs that …", "pangas (inflatable skiffs)". For that
// report only, a member's plain word is the report's term.
import { GRAMMAR } from "../lexicon/language.js";
import { isCommonEnglishWord } from "../text/english.js";

/** A term as written: one word, lower-case (a name in capitals is no term to gloss). */
const TERM = String.raw`["“‘']?(\p{Ll}[\p{Ll}-]{2,})["”’']?`;
/** The gloss's words up to its head noun: a few modifiers, then the head. */
const GLOSS = String.raw`((?:[\p{L}-]+\s+){0,3}?[\p{L}-]{3,})`;

/** "skiffs known as "pangas"", "the sedative commonly called 'tranq'": the head before, the term after. */
const NAMED_AS = new RegExp(
  String.raw`\b([\p{L}-]{3,})\s+(?:(?:sometimes|commonly|locally|also|often|widely)\s+)?(?:known as|called|dubbed|nicknamed|referred to as)\s+${TERM}`,
  "gu",
);
/** The fixed words of `NAMED_AS` and of `APPOSITION`. */
const NAMING_WORDS = /known as|called|dubbed|nicknamed|referred to as/;
const APPOSITION_START = /,\s+(?:the|a|an)\s/;
/** "pangas, the fast inflatable skiffs that …": a term, then its gloss in apposition. */
const APPOSITION = new RegExp(
  String.raw`(?<![\p{L}-])${TERM},\s+(?:the|a|an)\s+${GLOSS}(?=\s*(?:[,;.)—–]|\s(?:that|which|who|used|is|are|were|was)\b))`,
  "gu",
);
/** "pangas (inflatable skiffs)": a term, then its gloss in parentheses. */
const PARENTHESES = new RegExp(
  String.raw`(?<![\p{L}-])${TERM}\s+\((?:the\s+|a\s+|an\s+)?((?:\p{Ll}[\p{Ll}-]*\s+){0,3}\p{Ll}[\p{Ll}-]{2,})\)`,
  "gu",
);

/**
 * Grammar words and the bodies that name things ("what they called", "a network prosecutors
 * called") are no gloss's head or term.
 */
const NOT_GLOSSED: ReadonlySet<string> = new Set([
  ...GRAMMAR.questionStopWords,
  ...GRAMMAR.auxiliaries,
  ...GRAMMAR.determiners,
  ...GRAMMAR.bodyNouns,
]);

/** "methamphetamine tablets ("yaba")": a plain noun, then the report's term in parentheses. */
const TERM_IN_PARENTHESES = new RegExp(
  String.raw`(?<![\p{L}-])(\p{Ll}[\p{Ll}-]{2,})\s+\(${TERM}\)`,
  "gu",
);

export interface Gloss {
  /** The report's own term, lower-case as written: "pangas". */
  term: string;
  /** The head noun of the plain words it is glossed with, lower-case: "skiffs". */
  head: string;
}

/**
 * A term is the report's own word, no common English one ("pangas", not "vessels"), glossed by a
 * plain English noun ("skiffs"), not an adverb ("commonly") or a grammar word.
 */
function isGloss(term: string, head: string): boolean {
  return (
    term.length > 0 &&
    head.length > 0 &&
    term !== head &&
    !NOT_GLOSSED.has(term) &&
    !NOT_GLOSSED.has(head) &&
    !head.endsWith("ly") &&
    !isCommonEnglishWord(term) &&
    isCommonEnglishWord(head)
  );
}

function lastWord(text: string): string {
  return (text.trim().split(/\s+/).pop() ?? "").toLowerCase();
}

/** Every term a text glosses, with the head noun of its gloss. */
export function glossesIn(text: string): Gloss[] {
  const found: Gloss[] = [];
  const add = (term: string | undefined, head: string | undefined) => {
    const t = term?.toLowerCase() ?? "";
    const h = head?.toLowerCase() ?? "";
    if (isGloss(t, h)) found.push({ term: t, head: h });
  };
  // Each shape is looked for only in a text holding its fixed words: most paragraphs hold none.
  if (NAMING_WORDS.test(text)) for (const match of text.matchAll(NAMED_AS)) add(match[2], match[1]);
  if (APPOSITION_START.test(text))
    for (const match of text.matchAll(APPOSITION)) add(match[1], lastWord(match[2] ?? ""));
  if (text.includes("(")) {
    for (const match of text.matchAll(PARENTHESES)) add(match[1], lastWord(match[2] ?? ""));
    for (const match of text.matchAll(TERM_IN_PARENTHESES)) add(match[2], match[1]);
  }
  return found;
}
