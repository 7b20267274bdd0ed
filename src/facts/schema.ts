import { z } from "zod";

export const BaseQuantity = z.object({ value: z.number(), unit: z.string() });
export type BaseQuantity = z.infer<typeof BaseQuantity>;

export const SectionRefSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
});

export const Scope = z.enum(["national", "local"]);
export type Scope = z.infer<typeof Scope>;

export const Fact = z.object({
  /** Stable within one table: "p{paragraph}-{n}". */
  id: z.string(),
  value: z.number().finite(),
  /** The original words of the figure, e.g. "more than 2,000 people". */
  text: z.string().min(1),
  unit: z.string().nullable(),
  base: BaseQuantity.nullable(),
  qualifier: z.string().nullable(),
  /** What is counted, e.g. "forged passport cases". */
  subject: z.string(),
  /** Lemmatised verb: "crack", "arrest", "seize", "destroy", "deal with"... */
  action: z.string().nullable(),
  /** Canonical gazetteer names. */
  places: z.array(z.string()),
  scope: Scope,
  section: SectionRefSchema.nullable(),
  paragraph: z.number().int().positive(),
  /** Index of the sentence within its paragraph. */
  sentence: z.number().int().nonnegative(),
  quote: z.string().min(1),
  /** Dates and years that qualify the figure ("June 9th", "2022"). */
  dates: z.array(z.string()),
  /** The span of time the figure covers, from its clause or the list's lead-in ("FY 2031"). */
  period: z.string().nullable(),
});
export type Fact = z.infer<typeof Fact>;

export const EntityKind = z.enum(["person", "role", "organization", "operation", "place", "date"]);
export type EntityKind = z.infer<typeof EntityKind>;

/** A non-numeric fact: who, what, which, when. */
export const Entity = z.object({
  kind: EntityKind,
  name: z.string().min(1),
  paragraph: z.number().int().positive(),
  sentence: z.number().int().nonnegative(),
  quote: z.string().min(1),
});
export type Entity = z.infer<typeof Entity>;

export const FactTable = z.object({
  facts: z.array(Fact),
  entities: z.array(Entity),
});
export type FactTable = z.infer<typeof FactTable>;

/** The facts `parseFactTable` returned, each checked against `Fact` and never changed after. */
const checkedFacts = new WeakSet<Fact>();

/** `FactTable.parse`, remembering the facts it checked, so that a quote of them need not check them again. */
export function parseFactTable(input: unknown): FactTable {
  const table = FactTable.parse(input);
  for (const fact of table.facts) checkedFacts.add(fact);
  return table;
}

/** Whether `fact` is one `parseFactTable` returned: a parse by `Fact` would give a copy of it. */
export function isCheckedFact(fact: Fact): boolean {
  return checkedFacts.has(fact);
}
