import type { Fact } from "../../facts/schema.js";
import { wordPieces } from "../../text/tokenize.js";
import { concept, STOP_WORDS } from "../vocabulary.js";

/**
 * Which of a contest's options a figure is said of, read from its own sentence: "CBP scans 19
 * percent of cars and 61 percent of trucks" gives 19 to cars and 61 to trucks; "Eastport, funded
 * at $3 million, and Westport, at $5 million" gives each port the figure after its name.
 */

interface Span {
  start: number;
  end: number;
}

/** Between a figure and the option it measures, written after it: "19 percent of", "$5 million for the". */
const LINKS_FORWARD =
  /^[\s,]*(?:of|for|to|in|at|on|among|by|from)\s+(?:(?:the|its|their|all|every|each|new|its\s+own)\s+)?$/i;

/**
 * Where one clause of a sentence ends and the next begins: "…, and", "…; ", "…, while". Each
 * clause of "N were sent to A, and M were placed under B" says what its own figure is of.
 */
const CLAUSE_BREAK = /;\s*|,\s*(?:and|but|while|whereas)\s+|\s+(?:while|whereas)\s+/gi;

/** ", 41," right after a name: the person's age, not another figure between name and figure. */
const AGE_AFTER_NAME = /^,\s*\d{1,3},/;

function conceptSet(text: string): string[] {
  return wordPieces(text)
    .filter((piece) => piece.isWord && !STOP_WORDS.has(piece.lower))
    .map((piece) => concept(piece.lower));
}

/**
 * One spelling of an option: all its concepts, those that tell it from the other options, and the
 * first of those, which a mention must hold: in English the words that tell one thing from another
 * come first ("Asia arrests" is not named by "arrests" alone).
 */
export interface Spelling {
  all: Set<string>;
  own: Set<string>;
  lead: string;
}

/**
 * Each option's spellings (an acronym and the name it stands for), each with the concepts telling
 * it from every other option ("drug-free communities" against "HIDTA", spelled out "High Intensity
 * Drug Trafficking Areas": free, community), kept to the report's words when any are.
 */
export function distinctSpellings(
  options: string[][],
  vocabulary: ReadonlySet<string>,
): Spelling[][] {
  const every = options.map((spellings) => spellings.map(conceptSet));
  return every.map((spellings, i) => {
    const others = new Set(every.flatMap((other, j) => (j === i ? [] : other.flat())));
    return spellings.map((concepts) => {
      const own = concepts.filter((c) => !others.has(c));
      const used = own.filter((c) => vocabulary.has(c));
      const telling = used.length > 0 ? used : own;
      return { all: new Set(concepts), own: new Set(telling), lead: telling[0] ?? "" };
    });
  });
}

/**
 * Where a sentence names an option: runs of its words (stop words inside a run allowed) holding at
 * least half the words that tell it from the others.
 */
function mentionsOf(sentence: string, spellings: Spelling[], minShare: number): Span[] {
  const pieces = wordPieces(sentence).filter((piece) => piece.isWord);
  const found: Span[] = [];
  for (const { all, own, lead } of spellings) {
    if (own.size === 0) continue;
    let run: { start: number; end: number; own: Set<string> } | null = null;
    const close = () => {
      if (run?.own.has(lead) && run.own.size / own.size >= minShare)
        found.push({ start: run.start, end: run.end });
      run = null;
    };
    for (const piece of pieces) {
      const stop = STOP_WORDS.has(piece.lower);
      const c = stop ? null : concept(piece.lower);
      if (c && all.has(c)) {
        if (!run) run = { start: piece.start, end: piece.end, own: new Set() };
        run.end = piece.end;
        if (own.has(c)) run.own.add(c);
      } else if (!stop) close();
    }
    close();
  }
  return found;
}

/** Where the figure stands in its sentence. */
function figureSpan(fact: Fact): Span | null {
  const at = fact.quote.indexOf(fact.text);
  const lower = at < 0 ? fact.quote.toLowerCase().indexOf(fact.text.toLowerCase()) : at;
  return lower < 0 ? null : { start: lower, end: lower + fact.text.length };
}

/** The clause of a sentence a figure stands in: from the break before it to the break after. */
function clauseOf(sentence: string, figure: Span): Span {
  let start = 0;
  let end = sentence.length;
  for (const cut of sentence.matchAll(CLAUSE_BREAK)) {
    const at = cut.index ?? 0;
    if (at + cut[0].length <= figure.start) start = at + cut[0].length;
    else if (at >= figure.end) {
      end = at;
      break;
    }
  }
  return { start, end };
}

/**
 * "13,000 were sent to residential care, and 9,300 were placed under home supervision": the one
 * option whose telling words the figure's own clause holds most of, when that clause states no
 * other figure; null when none or several tie.
 */
function clauseOwner(sentence: string, figure: Span, options: Spelling[][]): number | null {
  const clause = clauseOf(sentence, figure);
  const outside =
    sentence.slice(clause.start, figure.start) + sentence.slice(figure.end, clause.end);
  if (/\d/.test(outside)) return null;
  const said = new Set(conceptSet(sentence.slice(clause.start, clause.end)));
  const shares = options.map((spellings) =>
    Math.max(
      0,
      ...spellings.map(({ own }) => [...own].filter((c) => said.has(c)).length / (own.size || 1)),
    ),
  );
  const best = Math.max(...shares);
  const owners = shares.flatMap((share, option) => (share === best ? [option] : []));
  return best > 0 && owners.length === 1 ? (owners[0] ?? null) : null;
}

/**
 * The option a figure's sentence says it is of: one its own words name ("1,026 robberies"), else
 * one named right after it ("61 percent of trucks"), else the one named last before it with no
 * other figure between ("A, funded at $3 million"); null when its sentence ties it to no option.
 */
export function claimant(fact: Fact, options: Spelling[][], minShare: number): number | null {
  const figure = figureSpan(fact);
  if (!figure) return null;
  const named = options.flatMap((spellings, option) =>
    mentionsOf(fact.quote, spellings, minShare).map((span) => ({ option, ...span })),
  );
  if (named.length === 0) return null;
  // "1,026 robberies": the figure's own words name what it counts.
  const own = named.find((mention) => mention.start < figure.end && mention.end > figure.start);
  if (own) return own.option;
  const linked = named
    .filter((mention) => mention.start >= figure.end)
    .sort((a, b) => a.start - b.start)
    .find((mention) => LINKS_FORWARD.test(fact.quote.slice(figure.end, mention.start)));
  if (linked) return linked.option;
  // "N were sent to A, and M to B": the option the figure's own clause names.
  const inClause = clauseOwner(fact.quote, figure, options);
  if (inClause !== null) return inClause;
  // "A, funded at $3 million": the name last before the figure, no other figure between them.
  const [before] = named
    .filter((mention) => mention.end <= figure.start)
    .sort((a, b) => b.end - a.end);
  // "Dana Reyes, 41, of Eastport, received 96 months": an age set off after a name is the name's.
  const between = fact.quote.slice(before?.end ?? 0, figure.start).replace(AGE_AFTER_NAME, "");
  return before && !/\d/.test(between) ? before.option : null;
}
