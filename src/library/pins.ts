import type { Fact } from "../facts/schema.js";
import type { ReportIndex } from "../qa/reportIndex.js";
import type { Answer } from "../qa/schema.js";
import { ReportError } from "../report/errors.js";
import type { ReportSource } from "../services.js";
import type { Store } from "../store/index.js";
import type { StoredPin } from "../store/pins.js";
import { DEFAULT_SCOPE } from "../store/scope.js";
import type { StoreTables } from "../store/tables.js";
import { PIN_MATCH, questionSimilarity } from "./pinMatch.js";

const CHECKED_LABEL = "checked by the moderators";
const MAX_PIN_QUESTION = 300;
const MAX_NOTE = 300;

export interface PinRequest {
  guildId: string;
  moderatorId: string | null;
  question: string;
  paragraph: number;
  /** A figure's words as the report writes them; null pins the paragraph itself. */
  figure: string | null;
  note: string | null;
}

/** Answers moderators checked by hand, looked up before the engine is asked. */
export interface PinSource {
  pinnedAnswer(question: string, guildId: string | null): Promise<Answer | null>;
}

function paragraphText(index: ReportIndex, number: number): string | undefined {
  return index.report.paragraphs[number - 1]?.text;
}

/** The facts of one paragraph: what a pin's `figure` may name. */
export function figuresIn(index: ReportIndex, paragraph: number): Fact[] {
  return index.table.facts.filter((fact) => fact.paragraph === paragraph);
}

function pinnedFact(index: ReportIndex, pin: StoredPin): Fact | null | undefined {
  if (pin.figure === null) return null;
  return figuresIn(index, pin.paragraph).find((fact) => fact.text === pin.figure);
}

function answerFrom(question: string, index: ReportIndex, pin: StoredPin): Answer | null {
  const text = paragraphText(index, pin.paragraph);
  const fact = pinnedFact(index, pin);
  // The figure is gone from this version's paragraph: the pin no longer holds, the engine answers.
  if (text === undefined || fact === undefined) return null;
  const quote = fact?.quote ?? text;
  const lead = fact ? `**${fact.text}** (¶${pin.paragraph})` : `See ¶${pin.paragraph}`;
  return {
    question,
    status: "answered",
    text: [
      `${lead} — ✅ ${CHECKED_LABEL}`,
      `> ${quote.replace(/\s+/g, " ").trim()}`,
      ...(pin.note ? [`Note: ${pin.note}`] : []),
    ].join("\n"),
    citations: [pin.paragraph],
    facts: fact ? [fact] : [],
    confidence: 1,
    suggestions: [],
    checked: { note: pin.note },
  };
}

/** What a refresh did to the pins of the version it replaced. */
export interface CarriedPins {
  /** Every pin copied to the new version: all the pins it has. */
  carried: StoredPin[];
  /** Those whose paragraph no longer reads as it did, for a moderator to check again. */
  changed: StoredPin[];
}

/**
 * Pins belong to one server and one report version. A refresh carries them to the new version and
 * names the ones whose paragraph changed; a rollback finds the pins that version had. The pins of
 * each version asked about are held in memory, read again when another process changes them.
 */
export class PinBook implements PinSource {
  private byVersion = new Map<number, StoredPin[]>();

  constructor(
    private readonly store: Store,
    private readonly reports: ReportSource,
    private readonly now: () => Date,
  ) {}

  /** This server's pins on the version it answers from now. */
  async list(guildId: string): Promise<StoredPin[]> {
    const { version } = this.reports.activeVersion(guildId);
    let pins = this.byVersion.get(version);
    if (!pins) {
      pins = await this.store.pins.forVersion(version);
      this.byVersion.set(version, pins);
    }
    return pins.filter((pin) => pin.guildId === guildId);
  }

  async pinnedAnswer(question: string, guildId: string | null): Promise<Answer | null> {
    if (guildId === null) return null;
    const { version } = this.reports.activeVersion(guildId);
    let best: { pin: StoredPin; score: number } | null = null;
    for (const pin of await this.list(guildId)) {
      const score = questionSimilarity(question, pin.question);
      if (score >= PIN_MATCH && (!best || score > best.score)) best = { pin, score };
    }
    if (!best) return null;
    // The pins are this version's: answer from its index, not from one that replaced it meanwhile.
    const active = await this.reports.active(guildId);
    return active.version === version ? answerFrom(question, active.index, best.pin) : null;
  }

  async pin(request: PinRequest): Promise<StoredPin> {
    const active = await this.reports.active(request.guildId);
    const text = paragraphText(active.index, request.paragraph);
    if (text === undefined) {
      const count = active.index.report.paragraphs.length;
      throw new ReportError(
        `there is no ¶${request.paragraph}; the report has ${count} paragraphs`,
      );
    }
    const figures = figuresIn(active.index, request.paragraph);
    if (request.figure !== null && !figures.some((fact) => fact.text === request.figure)) {
      throw new ReportError(`¶${request.paragraph} has no figure "${request.figure}"`);
    }
    const question = request.question.trim().slice(0, MAX_PIN_QUESTION);
    if (question === "") throw new ReportError("the question is empty");
    const at = this.now();
    const pin = {
      guildId: request.guildId,
      versionId: active.version,
      question,
      paragraph: request.paragraph,
      figure: request.figure,
      note: request.note?.trim().slice(0, MAX_NOTE) || null,
      paragraphText: text,
      createdBy: request.moderatorId,
      createdAt: at,
    };
    const { id, pins } = await this.inGuildScope(
      request.guildId,
      active.version,
      async (tables) => {
        const inserted = await tables.pins.insert(pin);
        await tables.audit.record({
          at,
          guildId: pin.guildId,
          moderatorId: pin.createdBy,
          action: "pin",
          versionId: active.version,
          detail: `#${inserted} ${question}`,
        });
        return { id: inserted, pins: await tables.pins.forVersion(active.version) };
      },
    );
    this.byVersion.set(active.version, pins);
    return { ...pin, id };
  }

  async unpin(guildId: string, id: number, moderatorId: string | null): Promise<StoredPin> {
    const pin = (await this.list(guildId)).find((candidate) => candidate.id === id);
    if (!pin) throw new ReportError(`pin #${id} is not one of this server's pins`);
    const at = this.now();
    const pins = await this.inGuildScope(guildId, pin.versionId, async (tables) => {
      await tables.pins.delete(id);
      await tables.audit.record({
        at,
        guildId,
        moderatorId,
        action: "unpin",
        versionId: pin.versionId,
        detail: `#${id} ${pin.question}`,
      });
      return tables.pins.forVersion(pin.versionId);
    });
    this.byVersion.set(pin.versionId, pins);
    return pin;
  }

  /**
   * A pin change in one transaction with the locks of the guild and of the default report (either
   * may be carrying this guild's pins to a new version), refused if the guild no longer answers
   * from `versionId`: a pin is never added to, or lost from, a version being replaced.
   */
  private inGuildScope<T>(
    guildId: string,
    versionId: number,
    work: (tables: StoreTables) => Promise<T>,
  ): Promise<T> {
    const announce = { kind: "pins", guildId } as const;
    return this.store.transaction(
      [DEFAULT_SCOPE, guildId],
      async (tables) => {
        const own = await tables.versions.pointer(guildId);
        const current = (own ?? (await tables.versions.pointer(DEFAULT_SCOPE)))?.versionId;
        if (current !== versionId) {
          throw new ReportError(
            `this server now answers from version ${current}; look at the report again and retry`,
          );
        }
        return work(tables);
      },
      announce,
    );
  }

  /**
   * Copy pins from the version a scope answered from to the one it answers from now (inside the
   * caller's transaction). null moves every server's pins on a default version.
   */
  async carryOver(
    tables: StoreTables,
    from: number,
    to: ReportIndex,
    toVersion: number,
    guildId: string | null,
  ): Promise<CarriedPins> {
    const carried: StoredPin[] = [];
    const changed: StoredPin[] = [];
    for (const pin of await tables.pins.forVersion(from)) {
      if (guildId !== null && pin.guildId !== guildId) continue;
      const text = paragraphText(to, pin.paragraph) ?? "";
      const { id: _old, ...copy } = { ...pin, versionId: toVersion };
      const moved = { ...copy, id: await tables.pins.insert(copy) };
      carried.push(moved);
      if (text !== pin.paragraphText) changed.push(moved);
    }
    return { carried, changed };
  }

  /** The pins a version has, as its transaction committed them. */
  remember(versionId: number, pins: StoredPin[]): void {
    this.byVersion.set(versionId, pins);
  }

  /** Forget cached pins (another process may have changed them). */
  reload(): void {
    this.byVersion.clear();
  }
}
