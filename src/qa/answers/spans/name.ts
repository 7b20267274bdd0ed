import { GRAMMAR } from "../../../lexicon/language.js";

/** A run of capitalised or upper-case words, a year or number inside it: "Clean Harbour 2024". */
const RUN = String.raw`[A-Z][\w'’.-]*(?:\s+(?:of\s+|and\s+|the\s+)*(?:[A-Z][\w'’.-]*|\d{2,4}\b))*`;
const alternatives = (list: readonly string[]) =>
  list.map((entry) => entry.replace(/[-\s]+/g, "[-\\s]+")).join("|");

/** "codenamed KESTREL", "known as “Clean Harbour”": the name right after a naming word. */
const AFTER_NAMING = new RegExp(
  String.raw`\b(?:${alternatives(GRAMMAR.namingWords)})[\s,:]+["“']?(${RUN})`,
  "g",
);
/** "Project Tidewater", "Strike Force Alder": a name led by a word that heads names. */
const HEADED = new RegExp(String.raw`\b(?:${alternatives(GRAMMAR.nameHeads)})\s+(?:${RUN})`, "g");

/** The names a sentence gives something, in the order it gives them. */
export function givenNames(text: string): string[] {
  const found = [
    ...[...text.matchAll(AFTER_NAMING)].map((m) => ({ at: m.index ?? 0, name: m[1] ?? "" })),
    ...[...text.matchAll(HEADED)].map((m) => ({ at: m.index ?? 0, name: m[0] })),
  ];
  return found
    .sort((a, b) => a.at - b.at)
    .map((found) => found.name.trim())
    .filter((name) => name.length > 1);
}
