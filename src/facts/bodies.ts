// Public bodies and programmes, known by name and by acronym: "the DEA" is the Drug Enforcement
// Administration, and a report's own "Harbour Patrol Unit (HPU)" makes HPU one too.
import { z } from "zod";
import agenciesJson from "../lexicon/agencies.json" with { type: "json" };
import { checked } from "../lexicon/checked.js";
import type { ParsedReport } from "../report/types.js";
import { phraseFinder } from "../text/phraseFinder.js";
import { definedAcronyms } from "./acronyms.js";

const Agencies = z.object({
  $comment: z.string().optional(),
  bodies: z.array(
    z.object({ name: z.string().min(3), acronyms: z.array(z.string().regex(/^[A-Za-z&]{2,10}$/)) }),
  ),
});

export interface Body {
  name: string;
  acronyms: string[];
}

const KNOWN: readonly Body[] = checked(Agencies, agenciesJson, "agencies.json").bodies;

/** "United States Coast Guard" or "U.S. Coast Guard": the country a national body is named after. */
const COUNTRY_PREFIX = /^(?:United States|U\.S\.)\s+/;

/**
 * The names a body goes by in full: its own, and for a national body the same without its
 * country ("the Coast Guard", "the Marshals Service"), which is how reports and members name it.
 */
function namesOf(body: Body): string[] {
  const short = body.name.replace(COUNTRY_PREFIX, "");
  return short === body.name ? [body.name] : [body.name, short];
}

function definedIn(report: ParsedReport): Body[] {
  return report.paragraphs.flatMap((paragraph) =>
    definedAcronyms(paragraph.text).map(({ acronym, name }) => ({ name, acronyms: [acronym] })),
  );
}

/** A name as a pattern: "Harbour Patrol" also matches "Harbour-Patrol". */
function namePattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[\s-]+/g, "[\\s-]+");
}

function keyOf(form: string): string {
  return form.toLowerCase().replace(/[\s-]+/g, " ");
}

export interface BodyFinder {
  /** Every other name of the bodies a text names, lower-cased: "hpu" → "harbour patrol unit". */
  aliases(text: string): string;
  /** Whether the report names this body anywhere, by any of its names. */
  mentions(body: Body): boolean;
}

interface Form {
  body: Body;
  /** Acronyms match only as written ("ICE", not "ice"); names in any case. */
  exact: string | null;
}

/** One matcher for every body the gazetteer and the report itself name, built once per report. */
export function reportBodies(report: ParsedReport): BodyFinder {
  const byKey = new Map<string, Form[]>();
  const add = (key: string, form: Form) => {
    const forms = byKey.get(key);
    if (forms) forms.push(form);
    else byKey.set(key, [form]);
  };
  for (const body of [...KNOWN, ...definedIn(report)]) {
    for (const name of namesOf(body)) add(keyOf(name), { body, exact: null });
    for (const acronym of body.acronyms) add(keyOf(acronym), { body, exact: acronym });
  }
  // One finder for every name: a report that defines many bodies of its own stays linear.
  const matches = phraseFinder([...byKey.keys()], { ignoreCase: true, flexibleSpaces: true });
  // For "the report never names it", any case will do: "Harbour Patrol Unit" in any case names HPU.
  const reportText = report.paragraphs.map((p) => p.text).join("\n\n");
  const inReport = new Set(
    matches(reportText).flatMap((match) =>
      (byKey.get(keyOf(match.text)) ?? []).map(({ body }) => body.name),
    ),
  );
  // The build asks for the aliases of every fact's words, and a report names its few bodies over
  // and over: the lower-cased forms a name as written stands for are worked out once per name.
  const formsByMatch = new Map<string, string[]>();
  const formsOf = (written: string): string[] => {
    let forms = formsByMatch.get(written);
    if (!forms) {
      forms = (byKey.get(keyOf(written)) ?? [])
        .filter(({ exact }) => exact === null || exact === written)
        .flatMap(({ body }) => [body.name, ...body.acronyms].map((f) => f.toLowerCase()));
      formsByMatch.set(written, forms);
    }
    return forms;
  };
  return {
    aliases(text) {
      const found = new Set<string>();
      for (const match of matches(text)) for (const form of formsOf(match.text)) found.add(form);
      return found.size === 0 ? "" : [...found].join(" ");
    },
    mentions: (body) => inReport.has(body.name),
  };
}

/** A form's first word, lower-cased: a question that does not hold it cannot match the form. */
const firstWord = (form: string) => form.toLowerCase().split(/[\s-]+/)[0] ?? "";

const QUESTION_FORMS = KNOWN.map((body) => ({
  body,
  names: namesOf(body).map((name) => ({
    lead: firstWord(name),
    pattern: new RegExp(`\\b${namePattern(name.toLowerCase())}\\b`),
  })),
  acronyms: body.acronyms.map((acronym) => ({
    acronym,
    lead: firstWord(acronym),
    exact: new RegExp(`\\b${namePattern(acronym)}\\b`),
    anyCase: new RegExp(`\\b${namePattern(acronym)}\\b`, "i"),
  })),
}));

/**
 * The gazetteer's bodies a question names: acronyms in any case unless the lower-case form is an
 * English word ("ice", "cops"), full names in any case.
 */
export function bodiesInQuestion(question: string, isWord: (word: string) => boolean): Body[] {
  const lower = question.toLowerCase();
  // Loops, not callbacks: every answer tests every body of the gazetteer, mostly in vain.
  const found: Body[] = [];
  for (const form of QUESTION_FORMS) {
    if (namesForm(form, lower) || writesAcronym(form, question, lower, isWord))
      found.push(form.body);
  }
  return found;
}

type QuestionForm = (typeof QUESTION_FORMS)[number];

function namesForm(form: QuestionForm, lower: string): boolean {
  for (const { lead, pattern } of form.names)
    if (lower.includes(lead) && pattern.test(lower)) return true;
  return false;
}

/** The dictionary is asked only about an acronym the question holds in some case. */
function writesAcronym(
  form: QuestionForm,
  question: string,
  lower: string,
  isWord: (word: string) => boolean,
): boolean {
  for (const { acronym, lead, exact, anyCase } of form.acronyms) {
    if (
      lower.includes(lead) &&
      anyCase.test(question) &&
      (!isWord(acronym) || exact.test(question))
    )
      return true;
  }
  return false;
}
