/**
 * Spelling correction against a known vocabulary, SymSpell style: every word is indexed under
 * the strings left after deleting up to `maxEdits` letters, so a typo is looked up through its own
 * deletions (microseconds) and confirmed with the one edit distance, where a swap is one edit.
 */
import { editDistance } from "./editDistance.js";

export interface SpellIndex {
  /** Known word → how often it occurs (ties go to the more frequent word). */
  readonly counts: ReadonlyMap<string, number>;
  /** A deletion → the word, or words, it comes from: most deletions come from one word. */
  readonly deletions: ReadonlyMap<string, string | readonly string[]>;
  readonly maxEdits: number;
}

/** Edits a typo of this length may carry: none under 4 letters, 1, or 2 from 8 letters. */
export function editBudget(word: string): number {
  if (word.length < 4) return 0;
  return word.length >= 8 ? 2 : 1;
}

/**
 * The strings left after deleting up to `edits` letters, the word itself first, each passed to
 * `fresh` once it is found; `fresh` says whether it is new (another order of deleting finds it again).
 */
function forEachDeletion(word: string, edits: number, fresh: (deleted: string) => boolean): void {
  fresh(word);
  let frontier = [word];
  for (let e = 0; e < edits; e++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (fresh(shorter)) next.push(shorter);
      }
    }
    frontier = next;
  }
}

function deletionsOf(word: string, edits: number): Set<string> {
  const found = new Set<string>();
  forEachDeletion(word, edits, (deleted) => {
    if (found.has(deleted)) return false;
    found.add(deleted);
    return true;
  });
  return found;
}

export function buildSpellIndex(words: Iterable<string>, maxEdits = 2): SpellIndex {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const deletions = new Map<string, string | string[]>();
  // Files the word under a deletion; false when it is there already, by another order of deleting.
  const file = (deleted: string, word: string): boolean => {
    const bucket = deletions.get(deleted);
    if (bucket === undefined) deletions.set(deleted, word);
    else if (typeof bucket === "string") {
      if (bucket === word) return false;
      deletions.set(deleted, [bucket, word]);
    } else {
      if (bucket[bucket.length - 1] === word) return false;
      bucket.push(word);
    }
    return true;
  };
  // Each word's deletions filed as they are found: no set of its own per word.
  for (const word of counts.keys()) {
    if (word.length < 4) continue;
    forEachDeletion(word, Math.min(maxEdits, editBudget(word)), (deleted) => file(deleted, word));
  }
  return { counts, deletions, maxEdits };
}

export interface Correction {
  word: string;
  edits: number;
  /** Letters the typo shares with the word at its start and end: typos keep a word's ends. */
  kept: number;
}

function keptEnds(typed: string, word: string): number {
  let start = 0;
  while (start < typed.length && typed[start] === word[start]) start++;
  let end = 0;
  while (
    end < typed.length - start &&
    typed[typed.length - 1 - end] === word[word.length - 1 - end]
  )
    end++;
  return start + end;
}

/** The closest known words to `typed` within `budget` edits, closest first. */
export function candidates(index: SpellIndex, typed: string, budget: number): Correction[] {
  const limit = Math.min(budget, index.maxEdits);
  const seen = new Map<string, number>();
  for (const deleted of deletionsOf(typed, limit)) {
    const bucket = index.deletions.get(deleted);
    for (const word of typeof bucket === "string" ? [bucket] : (bucket ?? [])) {
      if (seen.has(word)) continue;
      const edits = editDistance(typed, word, Math.min(limit, editBudget(word)));
      if (edits <= Math.min(limit, editBudget(word))) seen.set(word, edits);
    }
  }
  return [...seen]
    .map(([word, edits]) => ({ word, edits, kept: keptEnds(typed, word) }))
    .sort(
      (a, b) =>
        a.edits - b.edits ||
        b.kept - a.kept ||
        (index.counts.get(b.word) ?? 0) - (index.counts.get(a.word) ?? 0),
    );
}

/**
 * Letters that spell the same sound, in the order they are folded: "ph" and "f", "th" and "t",
 * "ck", "c" and "k", "z" and "s", "y" and "i". A typo written by ear ("metamfetamine") is several
 * edits from the word but shares its sound key.
 */
const SOUNDS: readonly [RegExp, string][] = [
  [/ph/g, "f"],
  [/th/g, "t"],
  [/ck/g, "k"],
  [/c(?=[eiy])/g, "s"],
  [/[cq]/g, "k"],
  [/x/g, "ks"],
  [/z/g, "s"],
  [/y/g, "i"],
  [/(.)\1+/g, "$1"],
];

/** A word as it sounds, roughly: spellings of one sound folded together, doubled letters single. */
export function soundKey(word: string): string {
  return SOUNDS.reduce(
    (key, [spelling, sound]) => key.replace(spelling, sound),
    word.toLowerCase(),
  );
}

/** Shortest word a sound key is tried for: under it, words of different sound share keys. */
export const SOUND_KEY_MIN = 6;

const soundKeys = new WeakMap<SpellIndex, ReadonlyMap<string, readonly string[]>>();

/** The index's words that sound like `typed` (same sound key), most frequent first. */
export function soundsLike(index: SpellIndex, typed: string): string[] {
  if (typed.length < SOUND_KEY_MIN) return [];
  let keys = soundKeys.get(index);
  if (!keys) {
    const byKey = new Map<string, string[]>();
    for (const word of index.counts.keys()) {
      if (word.length < SOUND_KEY_MIN) continue;
      const key = soundKey(word);
      byKey.set(key, [...(byKey.get(key) ?? []), word]);
    }
    keys = byKey;
    soundKeys.set(index, keys);
  }
  return [...(keys.get(soundKey(typed)) ?? [])]
    .filter((word) => word !== typed)
    .sort((a, b) => (index.counts.get(b) ?? 0) - (index.counts.get(a) ?? 0));
}
