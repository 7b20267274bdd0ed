import { AUXILIARIES, actionLemma } from "../../facts/lexicon.js";
import { GRAMMAR } from "../../lexicon/language.js";
import { stem } from "../../text/stem.js";
import { words } from "../../text/tokenize.js";
import type { Query } from "../understand.js";
import { STOP_WORDS } from "../vocabulary.js";

const VERB_FORMS: ReadonlySet<string> = new Set(GRAMMAR.verbForms);
/** The questions whose answer is a part of the event a verb names: who did it, when, where. */
const ABOUT_AN_EVENT = new Set<Query["wh"]>(["who", "when", "where"]);

function isVerb(word: string): boolean {
  return VERB_FORMS.has(word) || actionLemma(word) !== null || /^[a-z]{3,}ed$/.test(word);
}

/**
 * "Who allegedly led the ring?", "when was the crackdown launched?": the stems of the verbs
 * naming the event asked about, as the report would write them (a synonym may be another event). The sentence stating that event holds them; one that only shares
 * the topic ("a ring that allegedly sold drugs, the prosecutor announced") does not.
 */
export function eventVerbs(query: Query): Set<string> {
  if (!ABOUT_AN_EVENT.has(query.wh)) return new Set();
  const asked = words(query.cleaned.toLowerCase());
  const rest = asked.slice(asked.indexOf(query.wh ?? "") + 1);
  const content = (word: string) =>
    word.length > 2 && !AUXILIARIES.has(word) && !STOP_WORDS.has(word);
  const verbs = rest.filter((word) => content(word) && isVerb(word));
  // "who heads the unit": the word after "who", past an adverb, is its verb whatever its form.
  const next = query.wh === "who" ? rest.find((word) => !/ly$/.test(word)) : undefined;
  if (next && content(next)) verbs.push(next);
  return new Set(verbs.map(stem));
}
