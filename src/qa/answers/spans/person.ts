import { GRAMMAR } from "../../../lexicon/language.js";
import { isCommonEnglishWord } from "../../../text/english.js";
import { STOP_WORDS } from "../../vocabulary.js";

/** "Owen T. Marsh", "Ana Ruiz-Vega": two or more capitalised words, initials among them. */
const CAPITALISED_RUN =
  /(?<![\p{L}])\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?))+/gu;
const INITIAL = /^\p{Lu}\.$/u;

/**
 * "Regional Director Mara Quill" → "Mara Quill": a capitalised run read as a person's name,
 * its leading title words dropped. Most of a name's words are no everyday English word, which
 * "Safe Streets Forum" or a headline's "Mayor Says Budget" are; null when the run is not a name.
 */
function personIn(run: string): string | null {
  const parts = run.split(/\s+/);
  while (parts.length > 0 && STOP_WORDS.has(parts[0]?.toLowerCase() ?? "")) parts.shift();
  while (parts.length > 2 && isCommonEnglishWord(parts[0] ?? "")) parts.shift();
  if (parts.length < 2) return null;
  const named = parts.filter((part) => !INITIAL.test(part));
  const unusual = named.filter((part) => !isCommonEnglishWord(part.replace(/['’]s$/, "")));
  return unusual.length * 2 >= named.length ? parts.join(" ") : null;
}

/** The runs of a sentence shaped like a person's name, not names the report gives other things. */
export function personRuns(text: string, otherNames: ReadonlySet<string>): string[] {
  return [...text.matchAll(CAPITALISED_RUN)]
    .map((match) => personIn(match[0]))
    .filter((name): name is string => name !== null && !otherNames.has(name.toLowerCase()));
}

/**
 * "Mara Quill, deputy head of the harbour police, said …": whether a sentence introduces a person
 * with their title, an appositive after the name. An age ("Mara Quill, 44,") or a clause
 * ("Mara Quill, who …") is no title.
 */
export function introducesPerson(text: string, person: string): boolean {
  const at = text.indexOf(`${person}, `);
  if (at < 0) return false;
  const next = /^[\p{L}'’-]+/u.exec(text.slice(at + person.length + 2))?.[0] ?? "";
  return next.length > 0 && !STOP_WORDS.has(next.toLowerCase());
}

/** "said", "told", "pointed out": a verb of speech, as a whole word. */
export const SPEECH_VERB = new RegExp(
  String.raw`\b(?:${GRAMMAR.speechVerbs.map((verb) => verb.replace(/\s+/g, String.raw`\s+`)).join("|")})\b`,
  "gi",
);
/** How far before its verb a speaker's name may end, an appositive title between them. */
const SPEAKER_REACH = 120;

/**
 * The people a sentence has speaking: "Mara Quill, deputy head of the harbour police, said",
 * "…, said Mara Quill", "Mara Quill told reporters". A name far from every verb of speech only
 * stands in what was said.
 */
export function speakersIn(text: string, otherNames: ReadonlySet<string>): string[] {
  const verbs = [...text.matchAll(SPEECH_VERB)].map((m) => [m.index, m.index + m[0].length]);
  if (verbs.length === 0) return [];
  return personRuns(text, otherNames).filter((name) => {
    const at = text.indexOf(name);
    const end = at + name.length;
    return verbs.some(
      ([start = 0, stop = 0]) =>
        (start >= end && start - end <= SPEAKER_REACH && !/[.;"“”]/.test(text.slice(end, start))) ||
        (at >= stop && at - stop <= 2),
    );
  });
}

/** "I, MARA J. QUILL, Governor of …": the one a first-person document is written by. */
const FIRST_PERSON_AUTHOR =
  /\bI,\s+(\p{Lu}[\p{L}'’-]*\.?(?:\s+\p{Lu}[\p{L}'’-]*\.?){1,3}),\s+\p{Lu}/u;

/** The name a proclamation or an order gives its author ("I, Mara Quill, Governor …"), if any. */
export function authorIn(text: string): string | null {
  return FIRST_PERSON_AUTHOR.exec(text)?.[1] ?? null;
}
