/** "in Kelby Wharf", "at the Port of Eastmark": a capitalised name after a word of place. */
const LOCATED =
  /\b(?:in|at|near|outside|from)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}'’-]*)*)/gu;
const MONTH_OR_DAY =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

/** The names a sentence puts after a word of place, months and weekdays aside. */
export function locatedRuns(text: string): string[] {
  return [...text.matchAll(LOCATED)]
    .map((match) => match[1] ?? "")
    .filter((name) => !MONTH_OR_DAY.test(name));
}

/**
 * "in Kelby, Ohio": the town a sentence names right before the state given as the answer, so the
 * answer says "Kelby, Ohio", not the state alone. The place itself where no town precedes it.
 */
/** Up to three capitalised words ending a stretch of text: the town before "…, Ohio". */
const TOWN_BEFORE = /(?<![\p{L}'’-])(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})$/u;

export function withTown(text: string, place: string): string {
  const at = text.indexOf(`, ${place}`);
  const town = at > 0 ? TOWN_BEFORE.exec(text.slice(0, at))?.[1] : undefined;
  return town && !MONTH_OR_DAY.test(town) ? `${town}, ${place}` : place;
}
