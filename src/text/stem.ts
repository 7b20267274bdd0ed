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
