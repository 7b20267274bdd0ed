import { notFound } from "./compose.js";
import { weightOf } from "./rank.js";
import type { ReportIndex, SentenceDoc } from "./reportIndex.js";
import type { Answer } from "./schema.js";
import { relatedSuggestions } from "./suggest.js";
import type { Query } from "./understand.js";

const ENTITY_KIND_FOR: Partial<Record<NonNullable<Query["wh"]>, string[]>> = {
  who: ["person", "organization", "role"],
  when: ["date"],
  where: ["place"],
  which: ["organization", "operation", "place"],
};

function mentionsPlaces(index: ReportIndex, doc: SentenceDoc, places: string[]): boolean {
  return places.every((place) => (index.placeParagraphs.get(place) ?? []).includes(doc.paragraph));
}

const ABOUT_THE_RELEASE =
  /\b(?:press release|this release|the release|this report|the report|statement|announcement|published|released|issued|dated|posted|put out)\b/i;

/** "When was this press release published?": the report's first date, usually its dateline. */
export function publicationDate(query: Query, index: ReportIndex): Answer | null {
  if (query.wh !== "when" || !ABOUT_THE_RELEASE.test(query.cleaned)) return null;
  // A dateline gives the day ("April 15, 2025"); a title's "March 2025" names the period covered.
  const dates = index.table.entities.filter((e) => e.kind === "date");
  const date = dates.find((e) => /\b\d{1,2}\b/.test(e.name.replace(/\b\d{4}\b/g, ""))) ?? dates[0];
  if (!date) return null;
  return {
    question: query.question,
    status: "answered",
    text: `**${date.name}** (¶${date.paragraph})\n> ${date.quote}`,
    citations: [date.paragraph],
    facts: [],
    confidence: 0.7,
    suggestions: [],
  };
}

/** Who / what / when / which questions: the best-matching sentence, quoted and cited. */
export function answerFromSentences(query: Query, index: ReportIndex): Answer {
  const concepts = [...new Set(query.concepts)];
  const asked = query.cleaned.toLowerCase();
  const namesPerson = index.table.entities.some(
    (e) => e.kind === "person" && asked.includes(e.name.toLowerCase()),
  );
  // "Who is Wang Hua?" asks for a role; "Who held the conference?" for a person or body.
  const wanted =
    query.wh === "who" && namesPerson ? ["role"] : ((query.wh && ENTITY_KIND_FOR[query.wh]) ?? []);
  // A "when" answer has to hold a date.
  const dated = new Set(
    index.table.entities
      .filter((e) => e.kind === "date")
      .map((e) => `${e.paragraph}:${e.sentence}`),
  );
  const scored = index.sentences
    .filter((doc) => mentionsPlaces(index, doc, query.places))
    .filter(
      (doc) =>
        query.wh !== "when" || dated.size === 0 || dated.has(`${doc.paragraph}:${doc.sentence}`),
    )
    .map((doc) => {
      const overlap = concepts.filter((c) => doc.concepts.has(c));
      // The answer is an entity the question does not already name, of the kind it asks for.
      const entities = index.table.entities
        .filter(
          (e) =>
            e.paragraph === doc.paragraph &&
            e.sentence === doc.sentence &&
            wanted.includes(e.kind) &&
            !asked.includes(e.name.toLowerCase()),
        )
        .sort((a, b) => wanted.indexOf(a.kind) - wanted.indexOf(b.kind));
      // The kind asked for first (a person for "who") counts most.
      const entityBonus = entities[0] ? (entities[0].kind === wanted[0] ? 1.5 : 0.5) : 0;
      const score =
        overlap.reduce((sum, c) => sum + weightOf(index, c), 0) +
        entityBonus -
        doc.paragraph * 0.001;
      return { doc, overlap: overlap.length, score, entity: entities[0] };
    })
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  const weak = !best || best.overlap === 0 || best.overlap < Math.min(2, concepts.length) / 2;
  if (weak && query.places.length > 0) return aboutPlace(query, index);
  if (weak || !best) {
    return notFound(
      query.question,
      "The report does not say.",
      relatedSuggestions(query.cleaned, index),
    );
  }
  const lead = best.entity ? `**${best.entity.name}** ` : "";
  const coverage = best.overlap / Math.max(1, concepts.length);
  return {
    question: query.question,
    status: "answered",
    text: `${lead}(¶${best.doc.paragraph})\n> ${best.doc.text}`,
    citations: [best.doc.paragraph],
    facts: [],
    confidence: Number(Math.min(0.95, 0.3 + 0.6 * coverage).toFixed(3)),
    suggestions: [],
  };
}

/** "What happened in Hunan?": the first sentence that names the place, cited. */
function aboutPlace(query: Query, index: ReportIndex): Answer {
  const doc = index.sentences.find((d) => mentionsPlaces(index, d, query.places));
  if (!doc)
    return notFound(
      query.question,
      "The report does not say.",
      relatedSuggestions(query.cleaned, index),
    );
  return {
    question: query.question,
    status: "answered",
    text: `(¶${doc.paragraph})\n> ${doc.text}`,
    citations: [doc.paragraph],
    facts: [],
    confidence: 0.4,
    suggestions: relatedSuggestions(query.cleaned, index),
  };
}
