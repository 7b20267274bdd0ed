/**
 * Which paragraphs hold each word, so that a question's test of a name or word against the report
 * (a regular expression such as `\bWhitfield\b`) runs only on the paragraphs that can match,
 * rather than on every paragraph of a very large report.
 *
 * A word here is a run of `\w` characters, lower-cased: whatever `\bname\b` matches (with or
 * without the `i` flag) holds each such run of the name as a whole run of its own, so the
 * paragraphs holding every run of the name include every paragraph it matches.
 */
export interface WordIndex {
  /** Word → paragraph numbers, ascending. */
  paragraphs: Map<string, number[]>;
  /** Every word, sorted, for words that begin with a prefix. */
  sorted: string[];
}

const WORD_RUN = /\w+/g;

/** The `\w` runs of a text, lower-cased. */
export function wordRuns(text: string): string[] {
  return (text.match(WORD_RUN) ?? []).map((run) => run.toLowerCase());
}

export function buildWordIndex(paragraphs: readonly { number: number; text: string }[]): WordIndex {
  const index = new Map<string, number[]>();
  for (const { number, text } of paragraphs) {
    for (const word of wordRuns(text)) {
      const list = index.get(word);
      if (list === undefined) index.set(word, [number]);
      else if (list[list.length - 1] !== number) list.push(number);
    }
  }
  return { paragraphs: index, sorted: [...index.keys()].sort() };
}

/**
 * The paragraphs holding every word of `text`, ascending: those a `\b…\b` match of it can be in.
 * Null when `text` has no word, as then any paragraph might match.
 */
export function paragraphsWithWords(index: WordIndex, text: string): number[] | null {
  const runs = [...new Set(wordRuns(text))];
  if (runs.length === 0) return null;
  const lists = runs.map((run) => index.paragraphs.get(run) ?? []);
  lists.sort((a, b) => a.length - b.length);
  const [shortest = [], ...rest] = lists;
  // Every list ascends, so each is walked once beside the shortest: no Set of a common word's
  // thousands of paragraphs is built per question.
  const at = rest.map(() => 0);
  const found: number[] = [];
  for (const p of shortest) {
    let inAll = true;
    for (let i = 0; i < rest.length && inAll; i++) {
      const list = rest[i] as number[];
      let k = at[i] as number;
      while (k < list.length && (list[k] as number) < p) k++;
      at[i] = k;
      inAll = list[k] === p;
    }
    if (inAll) found.push(p);
  }
  return found;
}

/** The first position in `sorted` whose word is not before `prefix`. */
function lowerBound(sorted: readonly string[], prefix: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as string) < prefix) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Ascending lists merged into one ascending run without repeats, read only as far as it is read. */
function* merged(lists: readonly (readonly number[])[]): Generator<number> {
  const at = lists.map(() => 0);
  let last = -1;
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const value = lists[i]?.[at[i] as number];
      if (value !== undefined && (best < 0 || value < (lists[best]?.[at[best] as number] ?? 0)))
        best = i;
    }
    if (best < 0) return;
    const value = lists[best]?.[at[best] as number] as number;
    at[best] = (at[best] as number) + 1;
    if (value !== last) yield value;
    last = value;
  }
}

/**
 * The paragraphs a match of `\b<text>` (a prefix, `i` flag) can be in, ascending and read lazily,
 * so a caller that stops at the first match reads little: every word of `text` but the last
 * whole, the last one beginning a word. Null when `text` has no word.
 */
export function paragraphsWithPrefix(index: WordIndex, text: string): Iterable<number> | null {
  const runs = wordRuns(text);
  const last = runs.pop();
  if (last === undefined) return null;
  const lists: number[][] = [];
  for (let i = lowerBound(index.sorted, last); i < index.sorted.length; i++) {
    const word = index.sorted[i] as string;
    if (!word.startsWith(last)) break;
    lists.push(index.paragraphs.get(word) ?? []);
  }
  const whole = runs.length > 0 ? new Set(paragraphsWithWords(index, runs.join(" "))) : null;
  const all = merged(lists);
  if (whole === null) return all;
  return (function* () {
    for (const p of all) if (whole.has(p)) yield p;
  })();
}

/**
 * The paragraphs that can hold `text` anywhere, as `String.includes` finds it (inside a longer word
 * too), ascending and read lazily. In a text holding it, each `\w` run of `text` but its first and
 * last stands there whole, and its last run begins a word; a lone run may sit inside any word that
 * holds it. Null when `text` has no word, as then any paragraph might hold it.
 */
export function paragraphsHoldingText(index: WordIndex, text: string): Iterable<number> | null {
  const runs = wordRuns(text);
  const [only] = runs;
  if (only === undefined) return null;
  if (runs.length > 1) return paragraphsWithPrefix(index, runs.slice(1).join(" "));
  const lists: number[][] = [];
  for (const word of index.sorted)
    if (word.includes(only)) lists.push(index.paragraphs.get(word) ?? []);
  return merged(lists);
}
