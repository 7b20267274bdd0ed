/**
 * A report may say outright that it gives no figure for a thing: "the summary did not give a
 * figure for boats turned back", "thefts fell, police said, without releasing exact numbers". A
 * question about that thing is answered by saying so, not by a neighbour's figure.
 */
import { notFound } from "../compose.js";
import { conceptWeight, type ReportIndex, type SentenceDoc } from "../reportIndex.js";
import type { Answer } from "../schema.js";
import type { Query } from "../understand.js";
import { conceptsOf } from "../vocabulary.js";
import type { Weights } from "../weights.js";

/** "did not give a figure", "without releasing exact numbers", "declined to say how many". */
const WITHHOLDS = new RegExp(
  [
    String.raw`\b(?:did not|didn['’]t|does not|do not|would not|wouldn['’]t|declined to|refused to|has not|have not|had not|without)\s+(?:\w+\s+){0,2}?`,
    String.raw`(?:give|giving|gave|given|release|releasing|released|disclose|disclosing|disclosed|publish|publishing|published|provide|providing|provided|say|saying|said|specify|specifying|specified|break(?:ing)? down|report|reporting|reported|include|including|included)\b`,
    String.raw`[^.;]{0,40}?\b(?:figures?|numbers?|counts?|totals?|data|how many|how much|breakdown|tally)\b`,
    String.raw`|\bno (?:figures?|numbers?|counts?|data|breakdown) (?:was|were|has been|have been) (?:given|released|provided|published|disclosed)\b`,
  ].join(""),
  "i",
);

const withheldCache = new WeakMap<ReportIndex, SentenceDoc[]>();

/** The report's sentences that say a figure is not given, found once per report. */
function withheldSentences(index: ReportIndex): SentenceDoc[] {
  let found = withheldCache.get(index);
  if (!found) {
    found = index.sentences.filter((doc) => WITHHOLDS.test(doc.text));
    withheldCache.set(index, found);
  }
  return found;
}

/**
 * The answer where a sentence saying a figure is withheld holds more of the question's words
 * (at least `withheldMinShared`) than the best figure's own sentence does: the report says it
 * does not count what is asked. Null otherwise.
 */
export function withheldAnswer(
  query: Query,
  bestQuote: string,
  index: ReportIndex,
  w: Weights,
): Answer | null {
  const withheld = withheldSentences(index);
  if (withheld.length === 0) return null;
  const asked = [...new Set(query.measure.concepts)];
  const atBest = new Set(conceptsOf(bestQuote));
  const shared = (concepts: Set<string>) => asked.filter((c) => concepts.has(c));
  // A rare word weighs more: "the Saltmarsh channel in Kelby, for which no figures were given"
  // shares as many words as the headline's "seizes … up the Saltmarsh channel", and the rarer ones.
  const sentences = index.sentences.length;
  const weight = (concepts: string[]) =>
    concepts.reduce(
      (sum, c) => sum + conceptWeight(index.sentenceFrequency.get(c) ?? 0, sentences),
      0,
    );
  const best = shared(atBest);
  const bestWeight = weight(best);
  const saying = withheld
    .map((doc) => {
      const held = shared(doc.concepts);
      return { doc, shared: held.length, weight: weight(held) };
    })
    .filter(
      (x) =>
        x.shared >= w.withheldMinShared &&
        (x.shared > best.length || (x.shared === best.length && x.weight > bestWeight)) &&
        x.doc.text !== bestQuote,
    )
    .sort((a, b) => b.shared - a.shared || b.weight - a.weight)[0];
  if (!saying) return null;
  const { paragraph } = saying.doc;
  return notFound(
    query.question,
    `The report says it gives no figure for that (¶${paragraph}).`,
    [],
    [paragraph],
  );
}
