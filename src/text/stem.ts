/**
 * The one stemmer: light on purpose, enough to meet "seized"/"seizures"/"seizing" and
 * "cases"/"case" without merging words a report keeps apart ("police" and "policy").
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  // "junkies", "junkie" and "junky" meet at "junki"; "cities" and "city" at "citi".
  if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -2);
  else if (/[^aeiou]y$/.test(w)) w = `${w.slice(0, -1)}i`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (/[^su]s$/.test(w)) w = w.slice(0, -1);
  // "investment" meets "invested"; a short remainder stays whole ("statement" is not "state").
  if (w.endsWith("ment") && w.length >= 10) w = w.slice(0, -4);
  else if (w.endsWith("ion") && w.length > 7) w = w.slice(0, -3);
  else if (w.endsWith("ing") && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  if (/([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Endings that turn one word of a root into another: "-ers" (the doer), "-ing", "-ure", "-ion"… */
const ROOT_ENDINGS: ReadonlySet<string> = new Set([
  "",
  "s",
  "er",
  "ers",
  "ing",
  "ings",
  "ed",
  "ure",
  "ures",
  "ion",
  "ions",
]);

/** The shortest start two words must share to be forms of one root: "carnap", not "car". */
export const ROOT_START = 6;

/**
 * Whether two words are forms of one root the stemmer leaves apart: "hijackers" and "hijacking",
 * "forfeit" and "forfeiture". They share a start of at least `ROOT_START` letters and each ends
 * there or in a plain ending, so "police" and "policy" (ends "e" and "y") stay apart.
 */
export function sharesRoot(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let at = 0;
  while (at < x.length && at < y.length && x[at] === y[at]) at++;
  if (at < ROOT_START) return false;
  // "recorders" and "recorded" share "recorde", whose "e" begins both endings.
  for (const start of [at, at - 1]) {
    if (start < ROOT_START) continue;
    if (ROOT_ENDINGS.has(x.slice(start)) && ROOT_ENDINGS.has(y.slice(start))) return true;
  }
  return false;
}
