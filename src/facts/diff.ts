import type { Fact, FactTable } from "./schema.js";

export interface ChangedFact {
  before: Fact;
  after: Fact;
}

export interface FactTableDiff {
  /** In the new table only; ordered by paragraph. */
  added: Fact[];
  /** In the old table only; ordered by paragraph. */
  removed: Fact[];
  /** Same figure (subject, action, places, unit) with a different value; ordered by new paragraph. */
  changed: ChangedFact[];
  unchanged: number;
}

/**
 * What identifies "the same figure" across two versions of a report. Paragraph numbers are left
 * out on purpose: an inserted paragraph shifts every ¶ after it without changing any figure.
 * Masses compare through their base unit, so "6.35 tons" and "4,200 kg" are the same figure.
 */
export function factKey(fact: Fact): string {
  const places = [...fact.places].sort().join("+");
  const unit = fact.base?.unit ?? fact.unit ?? "";
  return [fact.subject.trim().toLowerCase(), fact.action ?? "", places, unit].join("|");
}

function comparableValue(fact: Fact): number {
  return fact.base?.value ?? fact.value;
}

function sameValue(a: Fact, b: Fact): boolean {
  const x = comparableValue(a);
  const y = comparableValue(b);
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

function groupByKey(facts: readonly Fact[]): Map<string, Fact[]> {
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) {
    const key = factKey(fact);
    const group = groups.get(key);
    if (group) group.push(fact);
    else groups.set(key, [fact]);
  }
  return groups;
}

/**
 * Compare two fact tables. A key can hold several facts (the same kind of figure stated in
 * different places of the report): equal values pair up first, the rest pair in report order
 * as changes, and whatever is left over was added or removed.
 */
export function diffFactTables(before: FactTable, after: FactTable): FactTableDiff {
  const oldGroups = groupByKey(before.facts);
  const newGroups = groupByKey(after.facts);
  const diff: FactTableDiff = { added: [], removed: [], changed: [], unchanged: 0 };

  for (const key of new Set([...newGroups.keys(), ...oldGroups.keys()])) {
    const olds = [...(oldGroups.get(key) ?? [])];
    const unmatchedNew: Fact[] = [];
    for (const fact of newGroups.get(key) ?? []) {
      const same = olds.findIndex((old) => sameValue(old, fact));
      if (same === -1) {
        unmatchedNew.push(fact);
      } else {
        olds.splice(same, 1);
        diff.unchanged++;
      }
    }
    const pairs = Math.min(olds.length, unmatchedNew.length);
    for (let i = 0; i < pairs; i++) {
      const old = olds[i];
      const fact = unmatchedNew[i];
      if (old && fact) diff.changed.push({ before: old, after: fact });
    }
    diff.removed.push(...olds.slice(pairs));
    diff.added.push(...unmatchedNew.slice(pairs));
  }

  diff.added.sort((a, b) => a.paragraph - b.paragraph);
  diff.removed.sort((a, b) => a.paragraph - b.paragraph);
  diff.changed.sort((a, b) => a.after.paragraph - b.after.paragraph);
  return diff;
}
