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
