import type { Fact } from "../facts/schema.js";
import type { ReportIndex } from "../qa/reportIndex.js";
import type { Answer } from "../qa/schema.js";
import { ReportError } from "../report/errors.js";
import type { ReportSource } from "../services.js";
import type { Store } from "../store/index.js";
import type { StoredPin } from "../store/pins.js";
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

/**
 * Pins belong to one server and one report version. A refresh carries them to the new version and
 * names the ones whose paragraph changed; a rollback finds the pins that version had.
 */
export class PinBook implements PinSource {
  private readonly byVersion = new Map<number, StoredPin[]>();

  constructor(
    private readonly store: Store,
    private readonly reports: ReportSource,
    private readonly now: () => Date,
  ) {}

  private onVersion(versionId: number): StoredPin[] {
    let pins = this.byVersion.get(versionId);
    if (!pins) {
      pins = this.store.pins.forVersion(versionId);
      this.byVersion.set(versionId, pins);
    }
    return pins;
  }

  /** This server's pins on the version it answers from now. */
  list(guildId: string): StoredPin[] {
    const { version } = this.reports.activeVersion(guildId);
    return this.onVersion(version).filter((pin) => pin.guildId === guildId);
  }

  async pinnedAnswer(question: string, guildId: string | null): Promise<Answer | null> {
    if (guildId === null) return null;
    let best: { pin: StoredPin; score: number } | null = null;
    for (const pin of this.list(guildId)) {
      const score = questionSimilarity(question, pin.question);
      if (score >= PIN_MATCH && (!best || score > best.score)) best = { pin, score };
    }
    if (!best) return null;
    return answerFrom(question, (await this.reports.active(guildId)).index, best.pin);
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
    const id = this.store.transaction(() => {
      const inserted = this.store.pins.insert(pin);
      this.audit("pin", pin.guildId, pin.createdBy, active.version, `#${inserted} ${question}`, at);
      return inserted;
    });
    this.byVersion.delete(active.version);
    this.store.changes.notifyChange({ kind: "pins", guildId: pin.guildId });
    return { ...pin, id };
  }

  unpin(guildId: string, id: number, moderatorId: string | null): StoredPin {
    const pin = this.list(guildId).find((candidate) => candidate.id === id);
    if (!pin) throw new ReportError(`pin #${id} is not one of this server's pins`);
    const at = this.now();
    this.store.transaction(() => {
      this.store.pins.delete(id);
      this.audit("unpin", guildId, moderatorId, pin.versionId, `#${id} ${pin.question}`, at);
    });
    this.byVersion.delete(pin.versionId);
    this.store.changes.notifyChange({ kind: "pins", guildId });
    return pin;
  }

  /**
   * Copy pins from the version a scope answered from to the one it answers from now (inside the
   * caller's transaction). null moves every server's pins on a default version. Returns the pins
   * whose paragraph no longer reads as it did, for a moderator to check again.
   */
  carryOver(from: number, to: ReportIndex, toVersion: number, guildId: string | null): StoredPin[] {
    const changed: StoredPin[] = [];
    for (const pin of this.onVersion(from)) {
      if (guildId !== null && pin.guildId !== guildId) continue;
      const text = paragraphText(to, pin.paragraph) ?? "";
      const { id: _old, ...copy } = { ...pin, versionId: toVersion };
      const id = this.store.pins.insert(copy);
      if (text !== pin.paragraphText) changed.push({ ...copy, id });
    }
    this.byVersion.delete(toVersion);
    return changed;
  }

  /** Forget cached pins (another process may have changed them). */
  reload(): void {
    this.byVersion.clear();
  }

  private audit(
    action: "pin" | "unpin",
    guildId: string,
    moderatorId: string | null,
    versionId: number,
    detail: string,
    at: Date,
  ): void {
    this.store.audit.record({ at, guildId, moderatorId, action, versionId, detail });
  }
}
