import { levelNote } from "../qa/compose.js";
import type { Contest, ContestOption } from "../qa/schema.js";
import { escapeText } from "./escape.js";
import { figureLine, LIST_QUOTE_LENGTH, QUOTE_LENGTH, quoteLine } from "./factText.js";

/** Sentences quoted under a contest's options: the leader's, and a few more to set beside it. */
const MAX_CONTEST_QUOTES = 3;

/**
 * The title of a comparison or superlative: the winner, which a member asked for; with none asked
 * or the figures level, the options set side by side ("Westvale vs Oakfield").
 */
export function contestTitle(contest: Contest): string {
  if (contest.winner !== null) return contest.winner;
  if (contest.kind === "superlative") return "";
  return contest.options.map((option) => option.name).join(" vs ");
}

/** "Westvale" before a figure for Westvale alone: the line need not say "in Westvale" again. */
function namesItsPlace(option: ContestOption): boolean {
  const places = option.fact?.places ?? [];
  return places.length === 1 && places[0]?.toLowerCase() === option.name.toLowerCase();
}

/**
 * Each option labelled with its name and leading with its figure ("1. **Westvale** — **40 boats**
 * seized · ¶3", numbered when ranked), its sentence quoted once per paragraph under the first few;
 * an option the report gives no figure for says so in its place.
 */
export function contestLines(contest: Contest): string[] {
  const quoted = new Set<number>();
  const level = levelNote(contest);
  const lines = level ? [`_${escapeText(level)}_`] : [];
  contest.options.forEach((option, i) => {
    const marker = contest.kind === "superlative" ? `${i + 1}.` : "•";
    const name = `${marker} **${escapeText(option.name)}**`;
    const { fact } = option;
    if (!fact) {
      lines.push(`${name} — the report gives no matching figure.`);
      return;
    }
    lines.push(`${name} — ${figureLine(fact, { place: !namesItsPlace(option) })}`);
    if (!quoted.has(fact.paragraph) && quoted.size < MAX_CONTEST_QUOTES) {
      quoted.add(fact.paragraph);
      // The leader's sentence in full; the others', shorter, only to set beside it.
      lines.push(quoteLine(fact, i === 0 ? QUOTE_LENGTH : LIST_QUOTE_LENGTH));
    }
  });
  return lines;
}
