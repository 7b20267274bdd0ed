/**
 * The naive comparator for `npm run bench`: plain fuse.js over every sentence of the report, no
 * fact table. The best-matching sentence answers; its first number is the figure. It abstains
 * (not_found) when even the best match scores worse than a threshold.
 *
 * It is naive on purpose, so it keeps its own small number parser instead of factdesk's.
 */
import Fuse from "fuse.js";
import type { Fact } from "../src/facts/schema.js";
import type { Answer } from "../src/qa/schema.js";
import type { ParsedReport } from "../src/report/types.js";

/**
 * Fuse scores run from 0 (perfect) to 1; a best match worse than this is "not found". 0.6 was the
 * best accuracy on the seed golden set with no figure given for an out-of-scope question.
 */
export const BASELINE_NOT_FOUND_SCORE = 0.6;

export interface SentenceDoc {
  text: string;
  paragraph: number;
  sentence: number;
}

const UNIT_WORDS: Record<string, string> = {
  ton: "t",
  tons: "t",
  tonne: "t",
  tonnes: "t",
  t: "t",
  kg: "kg",
  kilogram: "kg",
  kilograms: "kg",
  lb: "lb",
  lbs: "lb",
  pound: "lb",
  pounds: "lb",
  pill: "pill",
  pills: "pill",
  case: "case",
  cases: "case",
  crimes: "case",
  person: "person",
  persons: "person",
  people: "person",
  suspects: "person",
  addicts: "person",
  traffickers: "person",
  fugitives: "person",
  gang: "gang",
  gangs: "gang",
  province: "province",
  provinces: "province",
  day: "day",
  days: "day",
  area: "area",
  areas: "area",
  percent: "percent",
  "%": "percent",
};

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** How many words after a number are looked at for its unit ("1,204 smuggling cases"). */
const UNIT_LOOKAHEAD = 3;

export interface BaselineNumber {
  value: number;
  unit: string | null;
  text: string;
}

/**
 * The first figure written in digits in `sentence`, with a unit guessed from a leading "$" or the
 * next few words.
 * Ordinals ("14th") are skipped; number words ("ten") are not understood.
 */
function firstNumber(sentence: string): BaselineNumber | null {
  const re = /(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!\d|st\b|nd\b|rd\b|th\b)/g;
  for (const m of sentence.matchAll(re)) {
    let value = Number(`${(m[1] ?? "").replaceAll(",", "")}${m[2] ?? ""}`);
    if (!Number.isFinite(value)) continue;
    const after = sentence.slice((m.index ?? 0) + m[0].length);
    const words = after.toLowerCase().match(/%|[a-z]+/g) ?? [];
    let rest = words.slice(0, UNIT_LOOKAHEAD);
    const scale = SCALES[rest[0] ?? ""];
    if (scale !== undefined) {
      value = Number((value * scale).toPrecision(15));
      rest = words.slice(1, 1 + UNIT_LOOKAHEAD);
    }
    const unitWord = rest.find((w) => UNIT_WORDS[w] !== undefined);
    const dollars = sentence[(m.index ?? 0) - 1] === "$";
    const unit = dollars ? "USD" : unitWord === undefined ? null : (UNIT_WORDS[unitWord] ?? null);
    return { value, unit, text: m[0] };
  }
  return null;
}

function baselineFact(doc: SentenceDoc, n: BaselineNumber): Fact {
  return {
    id: `p${doc.paragraph}-baseline`,
    value: n.value,
    text: n.text,
    unit: n.unit,
    base: null,
    qualifier: null,
    subject: "",
    action: null,
    places: [],
    scope: "national",
    section: null,
    paragraph: doc.paragraph,
    sentence: doc.sentence,
    quote: doc.text,
    dates: [],
    period: null,
  };
}

const STOPWORDS = new Set(
  "a an and are as at by did do does for from had has have how in is it many much of on or the to was were what when where which who whom why with".split(
    " ",
  ),
);

/** The question's words minus a few question and stop words: bitap cannot skip them itself. */
export function keywords(question: string): string {
  return (question.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'.][\p{L}\p{N}]+)*/gu) ?? [])
    .filter((w) => !STOPWORDS.has(w))
    .join(" ");
}

export interface Baseline {
  ask(question: string): Answer;
}

/** Every sentence of the report, with where it stands: what a comparator ranks. */
export function sentenceDocs(report: ParsedReport): SentenceDoc[] {
  return report.paragraphs.flatMap((p) =>
    p.sentences.map((s, i) => ({ text: s.text, paragraph: p.number, sentence: i })),
  );
}

/**
 * A comparator's answer: the best sentence quoted and cited, its first number the figure, or "not
 * found" when no sentence ranked well enough.
 */
export function sentenceAnswer(
  question: string,
  best: { doc: SentenceDoc; confidence: number } | null,
): Answer {
  const empty = { question, citations: [], facts: [], suggestions: [] };
  if (best === null) return { ...empty, status: "not_found", text: "Not found.", confidence: 0 };
  const { doc, confidence } = best;
  const n = firstNumber(doc.text);
  return {
    ...empty,
    status: "answered",
    text: `> ${doc.text} (¶${doc.paragraph})`,
    citations: [doc.paragraph],
    facts: n === null ? [] : [baselineFact(doc, n)],
    confidence,
  };
}

/**
 * Index every sentence of the report with fuse.js: location ignored, token search (fuse's own
 * TF-IDF over words, since bitap alone gives up on whole questions), and no score cut-off inside
 * fuse so the abstain threshold is ours.
 */
export function buildBaseline(
  report: ParsedReport,
  notFoundScore: number = BASELINE_NOT_FOUND_SCORE,
): Baseline {
  const fuse = new Fuse(sentenceDocs(report), {
    keys: ["text"],
    includeScore: true,
    ignoreLocation: true,
    threshold: 1,
    useTokenSearch: true,
  });
  return {
    ask(question) {
      const query = keywords(question);
      const best = query === "" ? undefined : fuse.search(query, { limit: 1 })[0];
      if (best === undefined || (best.score ?? 1) > notFoundScore) {
        return sentenceAnswer(question, null);
      }
      return sentenceAnswer(question, { doc: best.item, confidence: 1 - (best.score ?? 1) });
    },
  };
}
