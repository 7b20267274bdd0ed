import { localPlacesInQuestion } from "../facts/localPlaces.js";
import {
  findPlacesInQuestion,
  isDemonymOf,
  normalizeForm,
  type PlaceMention,
  placeByName,
  typoMatch,
  usStateNamed,
} from "../facts/places.js";
import { isCheckedFact } from "../facts/schema.js";
import { countUnit } from "../facts/units.js";
import { words } from "../text/tokenize.js";
import type { AnswerContext } from "./answers/context.js";
import { notFound } from "./compose.js";
import { findMissing, namesNoThing } from "./coverage.js";
import { followUp } from "./followUp.js";
import { mentions, namesAsked } from "./names.js";
import { readQuestion, topicFirst } from "./normalize.js";
import { preparedOf } from "./prepared.js";
import type { ReportIndex } from "./reportIndex.js";
import { answerQuery } from "./route.js";
import { type Answer, Answer as AnswerSchema } from "./schema.js";
import { splitQuestions } from "./split.js";
import { MAX_QUESTION_LENGTH, type PlaceReader, type Query, understand } from "./understand.js";
import { concept, conceptsOf, STOP_WORDS } from "./vocabulary.js";
import { type Weights, weightsWith } from "./weights.js";

/**
 * The places a question names, read against the report before anything else is decided, so that
 * "kisumu vs nakuru" is a comparison and "kisumu?" a bare place for a report that names them:
 * the gazetteer's places, the report's own place names, and short acronyms of its places.
 */
function placesAgainst(index: ReportIndex): PlaceReader {
  return (cleaned) => {
    const gazetteer = findPlacesInQuestion(cleaned)
      .filter((mention) => !misreadReportWord(mention.text, index))
      .map((mention) => asTheReportsPlace(mention, index));
    // "Kelby Port" in a report beats a guessed typo of a gazetteer city the report never names.
    const asked = cleaned.toLowerCase();
    const guessed = (place: string) =>
      !index.placeParagraphs.has(place) && !asked.includes(place.toLowerCase());
    // "St. Louis" is one place, not also a local "Louis" inside it; but "almeria" typed for the
    // report's Almería is no typo of Algeria.
    const local = localPlacesInQuestion(cleaned, index.localPlaces).filter(
      (mention) =>
        !gazetteer.some(
          (known) =>
            known.place.name === mention.place.name ||
            (mention.start < known.end &&
              known.start < mention.end &&
              !guessed(known.place.name) &&
              !(isTypoOf(known) && spelledAsNamed(mention))),
        ),
    );
    const kept =
      local.length > 0
        ? gazetteer.filter(
            (known) =>
              !guessed(known.place.name) &&
              !local.some((mention) => mention.start < known.end && known.start < mention.end),
          )
        : gazetteer;
    const found = [...kept, ...local];
    return [...found, ...shortAcronymPlaces(cleaned, index, found)].sort(
      (a, b) => a.start - b.start,
    );
  };
}

/** A gazetteer mention read from a typo: the words as typed are none of the place's names. */
function isTypoOf(mention: PlaceMention): boolean {
  return placeByName(mention.text) !== mention.place && !isDemonymOf(mention.text, mention.place);
}

/** A report's own place typed as it writes it, accents aside ("almeria" for Almería). */
function spelledAsNamed(mention: PlaceMention): boolean {
  return mention.place.name
    .split(/\s+/)
    .some((part) => normalizeForm(part) === normalizeForm(mention.text));
}

/** "georgia" asked of a report that names only the US state: the state. */
function asTheReportsPlace(mention: PlaceMention, index: ReportIndex): PlaceMention {
  const state = usStateNamed(mention.place);
  const named = (name: string) => index.placeParagraphs.has(name);
  return state && named(state.name) && !named(mention.place.name)
    ? { ...mention, place: state }
    : mention;
}

/**
 * A word the report itself uses is not a misspelt place: a surname such as "Brisbin" in a report
 * stays a surname, not a typo of a city.
 */
function misreadReportWord(text: string, index: ReportIndex): boolean {
  const lower = text.toLowerCase();
  const place = typoMatch([lower]);
  return (
    place !== undefined &&
    index.spelling.counts.has(lower) &&
    !index.placeParagraphs.has(place.name)
  );
}

/**
 * "dc vs memphis": a two-letter acronym typed in lower case is a word in general ("us", "de"), but
 * a place when it stands for one the report names and the report never writes it as a word.
 */
function shortAcronymPlaces(
  cleaned: string,
  index: ReportIndex,
  found: readonly PlaceMention[],
): PlaceMention[] {
  return [...cleaned.matchAll(/\b[a-z]{2}\b/gi)].flatMap((match) => {
    const word = match[0].toLowerCase();
    if (STOP_WORDS.has(word) || index.names.common.has(word)) return [];
    const place = findPlacesInQuestion(word.toUpperCase())[0]?.place;
    if (!place || !index.placeParagraphs.has(place.name)) return [];
    if (found.some((mention) => mention.place.name === place.name)) return [];
    const start = match.index ?? 0;
    return [{ place, start, end: start + word.length, text: word }];
  });
}

/** "tanisha": a word the report writes only capitalised is one of its names. */
function namesInReport(word: string, index: ReportIndex): boolean {
  return index.names.words.has(word) && !index.names.common.has(word);
}

/** The report's names the question uses, their spelled-out words added to what is looked for. */
function withReportNames(query: Query, index: ReportIndex): Query {
  const names = namesAsked(query.cleaned, query.filters.placeWords, index.names);
  if (names.length === 0) return query;
  // The body a report is by, named so in its title ("CBP" in CBP's own update), is everywhere: its
  // spelled-out words would only pull figures towards the sentences that happen to spell it out.
  const title = index.report.paragraphs
    .slice(0, 2)
    .map((p) => p.text)
    .join(" ");
  const spelled = names
    .filter(([typed]) => !mentions(title, typed ?? ""))
    .flatMap((spellings) => spellings.slice(1).flatMap(conceptsOf));
  return {
    ...query,
    measure: {
      ...query.measure,
      concepts: [...new Set([...query.measure.concepts, ...spelled])],
    },
    filters: { ...query.filters, names },
  };
}

/**
 * "How many skiffs were seized?" of a report that glosses its own term once ("fast skiffs known as
 * "pangas"") and counts only pangas: the asked noun is the report's term, for this report only.
 * A noun the report's figures count themselves is left as asked.
 */
function withGlosses(query: Query, index: ReportIndex): Query {
  const { counted, glosses } = preparedOf(index);
  if (query.measure.concepts.every((c) => counted.has(c))) return query;
  const asked = new Set(query.measure.concepts);
  const read = new Map<string, string>();
  for (const { term, head } of glosses()) {
    const [plain, own] = [concept(head), concept(term)];
    if (asked.has(plain) && !asked.has(own) && !counted.has(plain) && counted.has(own))
      read.set(plain, term);
  }
  if (read.size === 0) return query;
  const { target } = query.measure;
  const glossed = target ? read.get(concept(target)) : undefined;
  return {
    ...query,
    measure: {
      ...query.measure,
      concepts: query.measure.concepts.flatMap((c) => {
        const term = read.get(c);
        return term ? [c, concept(term)] : [c];
      }),
      target: glossed ?? target,
      expected:
        glossed && target && query.measure.expected.unit === countUnit(target)
          ? { ...query.measure.expected, unit: countUnit(glossed) }
          : query.measure.expected,
    },
  };
}

function withBridges(query: Query, bridged: readonly string[]): Query {
  const asked = new Set(query.measure.concepts);
  const found = bridged.map(concept).filter((c) => asked.has(c));
  return found.length === 0 ? query : { ...query, measure: { ...query.measure, bridged: found } };
}

function compose(question: string, ctx: AnswerContext, previous: Query | null): Reply {
  const { index } = ctx;
  if (question.length > MAX_QUESTION_LENGTH) {
    return {
      query: null,
      answer: notFound(
        question,
        `That question is too long (${question.length} characters); please keep it under ${MAX_QUESTION_LENGTH}.`,
        index.suggestions.slice(0, 5),
      ),
    };
  }
  // Each part of "how many gangs and suspects" is asked in turn, a later part able to lean on
  // the one before it as a follow-up leans on the previous question.
  const replies: Reply[] = [];
  let before = previous;
  let unmentioned: string | null = null;
  const read = readQuestion(question, index.spelling);
  const places = placesAgainst(index);
  const isFilter = (topic: string) =>
    places(topic).length > 0 || words(topic).some((word) => namesInReport(word, index));
  const parts = splitQuestions(topicFirst(read.text, isFilter));
  for (const part of parts) {
    const replied = composePart(part, question, ctx, before, read.bridged, unmentioned);
    replies.push(replied);
    before = replied.query ?? before;
    unmentioned =
      missingIn(replied, index) ?? (replied.answer.status === "answered" ? null : unmentioned);
  }
  const [only] = replies;
  return only && replies.length === 1 ? only : combineParts(question, replies, parts);
}

/** What the report never mentions that a part was refused for: "fentanyl busts", if any. */
function missingIn(replied: Reply, index: ReportIndex): string | null {
  if (replied.answer.status === "answered" || !replied.query) return null;
  return findMissing(replied.query, index);
}

/**
 * "How many X busts n how much got seized": a part naming no thing of its own asks about the thing
 * the part before it named; where the report never mentions that, it has no figure for this either.
 */
function leansOnUnmentioned(query: Query, unmentioned: string | null): Answer | null {
  if (!unmentioned || !namesNoThing(query)) return null;
  return notFound(
    query.question,
    `The report does not mention ${unmentioned}, so it gives no figure for “${query.cleaned}” either.`,
    [],
  );
}

function composePart(
  text: string,
  question: string,
  ctx: AnswerContext,
  previous: Query | null,
  bridged: readonly string[],
  unmentioned: string | null,
): Reply {
  // A part that is no follow-up is read once, not once to check and again to answer.
  const readings = new Map<string, Query>();
  const read = (asked: string) => {
    const known = readings.get(asked);
    if (known) return known;
    const understood = { ...understand(asked, placesAgainst(ctx.index)), question };
    const query = withGlosses(
      withBridges(withReportNames(understood, ctx.index), bridged),
      ctx.index,
    );
    readings.set(asked, query);
    return query;
  };
  const follow = followUp(text, previous, read, (word) => namesInReport(word, ctx.index));
  const answerTo = (query: Query) =>
    leansOnUnmentioned(query, unmentioned) ?? composeFor(query, question, ctx);
  const query = read(follow?.question ?? text);
  const answer = answerTo(query);
  if (follow && previous && yieldsToAlone(answer, previous, ctx.index)) {
    const alone = read(text);
    const answered = answerTo(alone);
    if (answered.status === "answered") return withListing(alone, answered);
  }
  const listed = withListing(query, answer);
  return {
    query: listed.query,
    answer: follow ? { ...listed.answer, followsOn: follow.kept } : listed.answer,
  };
}

/**
 * A follow-up whose reading with the previous question finds nothing, where the previous question
 * itself asked of something the report mentions: the two did not go together ("oakfield?" after a
 * count the report gives only nationally), so the question read on its own is answered instead,
 * if it can be. Where the previous question asked of something the report never mentions ("any
 * heroin?" then "and in the north?"), the refusal stands: its figures would answer another question.
 */
function yieldsToAlone(answer: Answer, previous: Query, index: ReportIndex): boolean {
  return answer.status !== "answered" && findMissing(previous, index) === null;
}

function withListing(query: Query, answer: Answer): Reply {
  const listedAs = query.op === "list" ? loneFigureAsked(answer) : null;
  return { query: listedAs ? { ...query, listedAs } : query, answer };
}

/** A place's figures that came to one ("40 kilograms of heroin seized"), asked as a question. */
function loneFigureAsked(answer: Answer): Query["listedAs"] | null {
  const [fact, ...more] = answer.facts;
  if (!fact || more.length > 0) return null;
  const how = fact.base || /^[A-Z]{3}$/.test(fact.unit ?? "") ? "how much" : "how many";
  const question = [how, fact.subject, fact.action].filter(Boolean).join(" ");
  return { question, measure: fact.subject };
}

/** One answer covering every part, each part's figures and citations in the order asked. */
function combineParts(question: string, replies: Reply[], asked: readonly string[]): Reply {
  const answers = replies.map((replied) => replied.answer);
  const answered = answers.filter((part) => part.status === "answered");
  const followsOn = answers.find((part) => part.followsOn)?.followsOn;
  return {
    query: replies[replies.length - 1]?.query ?? null,
    answer: {
      question,
      status: answered.length > 0 ? "answered" : "not_found",
      text: answers.map((part) => part.text).join("\n\n"),
      citations: [...new Set(answers.flatMap((part) => part.citations))],
      facts: answered.flatMap((part) => part.facts),
      confidence: Math.min(...answers.map((part) => part.confidence)),
      suggestions:
        answered.length === answers.length
          ? []
          : [...new Set(answers.flatMap((part) => part.suggestions))].slice(0, 5),
      ...(followsOn ? { followsOn } : {}),
      parts: answers.map((part, i) => ({ ...part, question: asked[i] ?? question })),
    },
  };
}

function composeFor(query: Query, question: string, ctx: AnswerContext): Answer {
  const { index } = ctx;
  if (
    query.cleaned.length === 0 ||
    query.measure.concepts.length + query.filters.places.length === 0
  ) {
    return notFound(
      question,
      "Ask me something about the report, for example:",
      index.suggestions.slice(0, 5),
    );
  }
  return answerQuery(query, ctx);
}

export interface AnswerOptions {
  /** The same member's previous question, so that a follow-up ("and in 2021?") keeps its measure. */
  previous?: Query | null;
  /** Overrides of the default weights and thresholds (see weights.ts). */
  weights?: Partial<Weights>;
}

/** An answer and the understood question, which a conversation passes back as `previous`. */
export interface Reply {
  answer: Answer;
  query: Query | null;
}

/**
 * The answer parsed by its schema. Its facts are nearly always the report's own, checked when the
 * table was built, and parsing them again would only copy each: then the rest is parsed, and the
 * facts put back as they are, the same answer at a fraction of the garbage.
 */
export function checkedAnswer(answer: Answer): Answer {
  const own = (part: Pick<Answer, "facts">) => part.facts.every(isCheckedFact);
  const { parts } = answer;
  if (!own(answer) || (parts !== undefined && !parts.every(own))) return AnswerSchema.parse(answer);
  const parsed = AnswerSchema.parse({
    ...answer,
    facts: [],
    ...(parts ? { parts: parts.map((part) => ({ ...part, facts: [] })) } : {}),
  });
  return {
    ...parsed,
    facts: answer.facts.slice(),
    ...(parsed.parts
      ? {
          parts: parsed.parts.map((part, i) => ({
            ...part,
            facts: parts?.[i]?.facts.slice() ?? [],
          })),
        }
      : {}),
  };
}

/** Answer a question and return the Query it was understood as. Never throws. */
export function reply(question: string, index: ReportIndex, options: AnswerOptions = {}): Reply {
  try {
    const ctx = { index, weights: weightsWith(options.weights) };
    const composed = compose(question, ctx, options.previous ?? null);
    return { query: composed.query, answer: checkedAnswer(composed.answer) };
  } catch {
    return {
      query: null,
      answer: notFound(
        question,
        "Sorry, I could not work out an answer to that.",
        index.suggestions.slice(0, 5),
      ),
    };
  }
}

/** Answer a question from the report's fact table. Never throws: a failure is an honest not_found. */
export function answer(question: string, index: ReportIndex, options: AnswerOptions = {}): Answer {
  return reply(question, index, options).answer;
}
