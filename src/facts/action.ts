import type { Token } from "../text/tokenize.js";
import { AUXILIARIES, actionLemma, COORDINATORS, INCLUSION_WORDS, VERB_FORMS } from "./lexicon.js";

const CLAUSE_BREAK = /^[,;:()]$/;
const ADVERB = /ly$/;

/** What usually happens to a counted thing when the sentence names no verb: "There were 1,240 suspects". */
const DEFAULT_ACTION: ReadonlyMap<string, string> = new Map(
  Object.entries({
    suspect: "arrest",
    suspects: "arrest",
    arrests: "arrest",
    arrest: "arrest",
    seizure: "seize",
    seizures: "seize",
  }),
);

/**
 * A participle right after the phrase that is no enforcement verb: "640 children were
 * safeguarded". The figure has a verb of its own, and borrows none from before it.
 */
const OWN_OTHER_VERB = "";

/** Verb right after the phrase, passive style: "thefts were solved", "pills were confiscated". */
function passiveAfter(tokens: Token[], from: number): string | null {
  let sawAuxiliary = false;
  for (let i = from; i < Math.min(tokens.length, from + 5); i++) {
    const token = tokens[i];
    if (!token) break;
    if (AUXILIARIES.has(token.lower)) {
      sawAuxiliary = true;
      continue;
    }
    if (ADVERB.test(token.lower) || token.lower === "also" || token.lower === "all") continue;
    const lemma = actionLemma(token.lower);
    if (lemma && (sawAuxiliary || /ed$/.test(token.lower))) return lemma;
    // "and 640 children were safeguarded": not the "arrests" before it.
    // "were told to attend", "were made to repay": the verb after "to" is the one done.
    if (!lemma && sawAuxiliary && /[^e]ed$/.test(token.lower) && tokens[i + 1]?.lower !== "to")
      return OWN_OTHER_VERB;
    break;
  }
  return null;
}

/** "made up", "took up", "set up": a verb whose "up" is part of it, not a rise. */
const PHRASAL_UP =
  /^(?:made|make|makes|making|took|take|takes|taking|set|sets|setting|end|ended|ends)$/;

/** The verb a token is, "up" after a verb it belongs to ("made up 63%") being none. */
function lemmaAt(tokens: Token[], i: number): string | null {
  const token = tokens[i];
  if (token?.lower === "up" && PHRASAL_UP.test(tokens[i - 1]?.lower ?? "")) return null;
  return actionLemma(token?.lower ?? "");
}

function verbBefore(tokens: Token[], numberIndex: number, limit = 9): string | null {
  for (let i = numberIndex - 1; i >= Math.max(0, numberIndex - limit); i--) {
    const token = tokens[i];
    if (!token || CLAUSE_BREAK.test(token.text) || /^\d/.test(token.text)) return null;
    const lemma = lemmaAt(tokens, i);
    if (lemma) return lemma;
  }
  return null;
}

/** A verb the figure's own clause has before it, none of ours: "Officers opened 40 files". */
function ownVerbBefore(tokens: Token[], numberIndex: number, limit = 9): boolean {
  for (let i = numberIndex - 1; i >= Math.max(0, numberIndex - limit); i--) {
    const token = tokens[i];
    if (!token || CLAUSE_BREAK.test(token.text) || COORDINATORS.has(token.lower)) return false;
    if (VERB_FORMS.has(token.lower) || /[a-z]{3}ed$/.test(token.lower)) return true;
  }
  return false;
}

/** A past-tense verb opening what follows a coordinator: "and (then) charged". */
function predicateAfter(tokens: Token[], from: number): boolean {
  for (let i = from; i < Math.min(tokens.length, from + 3); i++) {
    const word = tokens[i]?.lower ?? "";
    if (ADVERB.test(word) || word === "then" || word === "also") continue;
    return /[a-z]{3}ed$/.test(word) || VERB_FORMS.has(word);
  }
  return false;
}

function verbAfterInClause(
  tokens: Token[],
  from: number,
  numberIndex: number,
  limit = 8,
): string | null {
  for (let i = from; i < Math.min(tokens.length, from + limit); i++) {
    const token = tokens[i];
    if (!token || CLAUSE_BREAK.test(token.text) || token.text === "." || /^\d/.test(token.text)) {
      return null;
    }
    // "Officers opened 40 files and charged 12 people": a second predicate past "and" is not
    // the verb of a figure whose clause has its own ("… detention and treatment" is no predicate).
    if (
      COORDINATORS.has(token.lower) &&
      predicateAfter(tokens, i + 1) &&
      ownVerbBefore(tokens, numberIndex)
    ) {
      return null;
    }
    const lemma = lemmaAt(tokens, i);
    if (lemma) return lemma;
  }
  return null;
}

/** Whether a list of parts opens at `from`: "including", "among them". */
function opensInclusion(tokens: Token[], from: number): boolean {
  return INCLUSION_WORDS.some((words) =>
    words.every((word, k) => tokens[from + k]?.lower === word),
  );
}

/**
 * The verb after a list of the figure's parts set between it and its verb: "3,600 members,
 * including 1,412 in Texas and 57 in Ohio, were arrested" are the 3,600 arrested.
 */
function verbAfterParts(tokens: Token[], phraseEnd: number, limit = 40): string | null {
  if (!/^[,(]$/.test(tokens[phraseEnd]?.text ?? "") || !opensInclusion(tokens, phraseEnd + 1)) {
    return null;
  }
  for (let i = phraseEnd + 2; i < Math.min(tokens.length, phraseEnd + limit); i++) {
    const text = tokens[i]?.text ?? "";
    if (text === "." || text === ";") return null;
    if (text !== "," && text !== ")") continue;
    const verb = passiveAfter(tokens, i + 1);
    if (verb === OWN_OTHER_VERB) return null;
    if (verb) return verb;
  }
  return null;
}

/** The enforcement verb a figure's sentence gives it, searched passive-first, then within its clause. */
export function statedActionFor(
  tokens: Token[],
  numberIndex: number,
  phraseEnd: number,
): string | null {
  const passive = passiveAfter(tokens, phraseEnd) ?? verbAfterParts(tokens, phraseEnd);
  // Its own verb is none of ours, but its clause may name one after it ("… placed in treatment").
  if (passive === OWN_OTHER_VERB) return verbAfterInClause(tokens, phraseEnd, numberIndex);
  return (
    passive ?? verbBefore(tokens, numberIndex) ?? verbAfterInClause(tokens, phraseEnd, numberIndex)
  );
}

/** Whether the figure's own verb, right after its phrase, is no enforcement verb: it borrows none. */
export function hasOtherVerb(tokens: Token[], phraseEnd: number): boolean {
  return passiveAfter(tokens, phraseEnd) === OWN_OTHER_VERB;
}

/** The verb a counted noun stands for when no verb is stated ("1,240 suspects": arrested). */
export function defaultActionOf(head: string | null): string | null {
  return head ? (DEFAULT_ACTION.get(head) ?? null) : null;
}
