import { AUXILIARIES, actionLemma } from "../../facts/lexicon.js";
import { GRAMMAR } from "../../lexicon/language.js";
import { stem } from "../../text/stem.js";
import { words } from "../../text/tokenize.js";
import type { Query } from "../understand.js";
import { STOP_WORDS } from "../vocabulary.js";
import { headVerbStems } from "./headVerbs.js";

const VERB_FORMS: ReadonlySet<string> = new Set(GRAMMAR.verbForms);
/** The questions whose answer is a part of the event a verb names: who did it, when, where. */
const ABOUT_AN_EVENT = new Set<Query["wh"]>(["who", "when", "where"]);
/** "When did the police present …": after these, the verb stands bare somewhere past its subject. */
const BARE_VERB_AFTER = new Set(["did", "does", "do", "will"]);

function isVerb(word: string): boolean {
  return VERB_FORMS.has(word) || actionLemma(word) !== null || /^[a-z]{3,}ed$/.test(word);
}

/**
 * The verbs naming the event asked about, by stem, as the report would write them (a synonym may
 * be another event: "held" a briefing is no "launched" campaign). "Who allegedly led the ring?",
 * "when was the crackdown launched?" name theirs; in "when did the police present their results?"
 * any word past "did" may be the verb, so those count only where the sentence writes them in the
 * past ("presented"). The sentence stating that event holds them; one that only shares the topic
 * ("a ring that allegedly sold drugs, the prosecutor announced") does not.
 */
export function eventVerbs(query: Query): Map<string, { pastOnly: boolean }> {
  const verbs = new Map<string, { pastOnly: boolean }>();
  if (!ABOUT_AN_EVENT.has(query.wh)) return verbs;
  const asked = words(query.cleaned.toLowerCase());
  const rest = asked.slice(asked.indexOf(query.wh ?? "") + 1);
  const content = (word: string) =>
    word.length > 2 && !AUXILIARIES.has(word) && !STOP_WORDS.has(word);
  if (BARE_VERB_AFTER.has(rest[0] ?? ""))
    for (const word of rest.filter(content)) verbs.set(stem(word), { pastOnly: true });
  for (const word of rest.filter((word) => content(word) && isVerb(word)))
    verbs.set(stem(word), { pastOnly: false });
  // "who heads the unit": the word after "who", past an adverb, is its verb whatever its form.
  const next = query.wh === "who" ? rest.find((word) => !/ly$/.test(word)) : undefined;
  if (next && content(next)) verbs.set(stem(next), { pastOnly: false });
  if (query.wh === "who") for (const s of headVerbStems(rest)) verbs.set(s, { pastOnly: false });
  return verbs;
}
