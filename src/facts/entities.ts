import type { ParsedReport } from "../report/types.js";
import { matchesOf } from "../text/matches.js";
import { type DateSpan, findDates } from "./dates.js";
import { findPlaces } from "./places.js";
import type { Entity } from "./schema.js";

const ROLE_WORDS =
  "director|deputy director|director-general|director general|minister|vice minister|deputy minister|administrator|commissioner|spokesperson|spokesman|spokeswoman|secretary|secretary-general|chief|head|president|chairman|chairwoman|chair|governor|attorney general|attorney|prosecutor|inspector|commander|superintendent|officer|captain|sheriff|mayor|ambassador|executive director|agent in charge|special agent";
const ORG_WORDS =
  "Ministry|Bureau|Office|Agency|Administration|Department|Police|Service|Commission|Committee|Council|Court|Procuratorate|Customs|Guard|Force|Forces|Directorate|Authority|Unit|Command|Organization|Organisation|Secretariat|Division|Task Force|Center|Centre|Institute|Association";
const CAPITALISED = "[A-Z][A-Za-z'’.-]*";
const CONNECTOR = "(?:\\s+(?:of|for|on|and|the|de|del)\\b)*";

const ORGANIZATION = new RegExp(
  `\\b(?:${CAPITALISED}\\s+)*?(?:${ORG_WORDS})\\b(?:${CONNECTOR}\\s+${CAPITALISED})*`,
  "g",
);
const ACRONYM_ORG =
  /\b(?:DEA|FBI|CBP|ICE|HSI|ATF|DOJ|DHS|UNODC|INTERPOL|Interpol|Europol|EMCDDA|NCA|AFP|RCMP|NNCC|MPS)\b/g;
const OPERATION =
  /\b(?:Operation|Project|Campaign)\s+(?:[A-Z][\w'-]*\s?){1,4}|["“]([A-Z][^"”]{2,60})["”]/g;
const UPPER = "A-ZÀ-ÖØ-Þ";
const LOWER = "a-zß-öø-ÿ'’";
const NAME = `[${UPPER}][${LOWER}]+(?:\\s+[${UPPER}]\\.)?(?:[-\\s][${UPPER}][${LOWER}]+){1,3}`;
/** Role words match "director" and "Director" while names stay case-sensitive. */
const ROLE_ANY_CASE = ROLE_WORDS.replace(
  /\b([a-z])/g,
  (letter) => `[${letter}${letter.toUpperCase()}]`,
);
const PERSON_AFTER_ROLE = new RegExp(`\\b(?:${ROLE_ANY_CASE})\\s+(${NAME})\\b`, "g");
const PERSON_BEFORE_ROLE = new RegExp(
  `\\b(${NAME}),\\s+(?:the\\s+)?(?:[\\w-]+['’]s\\s+)?(?:[a-z-]+\\s+){0,3}(?:${ROLE_ANY_CASE})\\b`,
  "g",
);
const PERSON_SAID = new RegExp(
  `\\b(?:said|says|according to|stated|noted)\\s+(${NAME})\\b|\\b(${NAME})\\s+(?:said|says|stated|noted|pointed out|introduced|announced|told)\\b`,
  "g",
);
const ROLE_PHRASE = new RegExp(
  `\\b(?:[A-Za-z-]+\\s+){0,2}(?:${ROLE_ANY_CASE})\\b(?:\\s+of(?:\\s+the)?(?:\\s+${CAPITALISED})+)?`,
  "g",
);
/** "Harbour Police Chief Ann Lee": a role and a name end the body's name; they are a person. */
const TITLED_PERSON_TAIL = new RegExp(`\\s+(?:${ROLE_ANY_CASE})\\s+${NAME}.*$`);
const NOT_A_NAME =
  /^(?:The|This|That|These|Since|In|At|On|For|From|With|By|And|But|News|Service|Ministry|Public|Security|National|State)\b/;

/** Entities found so far, with the keys of those already kept: one look-up, not a scan, per find. */
interface Found {
  entities: Entity[];
  seen: Set<string>;
}

function push(
  into: Found,
  kind: Entity["kind"],
  name: string,
  paragraph: number,
  sentence: number,
  quote: string,
) {
  const cleaned = name
    .replace(/^the\s+/i, "")
    .replace(/[\s,.;:]+$/, "")
    .trim();
  if (cleaned.length < 2) return;
  // One entry per kind, name and paragraph.
  const key = `${kind}\u0000${paragraph}\u0000${cleaned}`;
  if (into.seen.has(key)) return;
  into.seen.add(key);
  into.entities.push({ kind, name: cleaned, paragraph, sentence, quote });
}

/** Non-numeric facts for who / what / which / when questions. */
export function extractEntities(
  report: ParsedReport,
  datesIn: (text: string) => readonly DateSpan[] = findDates,
): Entity[] {
  const found: Found = { entities: [], seen: new Set() };
  for (const paragraph of report.paragraphs) {
    paragraph.sentences.forEach((sentence, index) => {
      const text = sentence.text;
      const add = (kind: Entity["kind"], name: string) =>
        push(found, kind, name, paragraph.number, index, text);
      for (const pattern of [PERSON_AFTER_ROLE, PERSON_BEFORE_ROLE, PERSON_SAID]) {
        for (const match of matchesOf(pattern, text)) {
          const name = match[1] ?? match[2];
          if (name && !NOT_A_NAME.test(name) && findPlaces(name).length === 0) add("person", name);
        }
      }
      for (const match of matchesOf(ROLE_PHRASE, text)) add("role", match[0]);
      for (const match of matchesOf(ORGANIZATION, text)) {
        add("organization", match[0].replace(TITLED_PERSON_TAIL, ""));
      }
      for (const match of matchesOf(ACRONYM_ORG, text)) add("organization", match[0]);
      for (const match of matchesOf(OPERATION, text)) add("operation", match[1] ?? match[0]);
      for (const mention of findPlaces(text)) add("place", mention.place.name);
      for (const date of datesIn(text)) add("date", date.text);
    });
  }
  return found.entities;
}
