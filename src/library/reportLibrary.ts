import { createHash } from "node:crypto";
import type { Logger } from "pino";
import { diffFactTables } from "../facts/diff.js";
import type { ReportIndex } from "../qa/reportIndex.js";
import { decodeReportBytes } from "../report/decode.js";
import { ReportError } from "../report/errors.js";
import type { ActiveReport, ReportSource } from "../services.js";
import type { AuditAction } from "../store/audit.js";
import type { Store } from "../store/index.js";
import type { ActivePointer, StoredVersion } from "../store/reportVersions.js";
import { DEFAULT_SCOPE, scopeKey } from "../store/scope.js";
import { type IndexBuilder, workerIndexBuilder } from "./buildIndex.js";
import { type GapGroup, groupGaps, LOW_CONFIDENCE } from "./gaps.js";
import { IndexCache } from "./indexCache.js";
import { mergeMeta, metaFromFileName, readMetadata } from "./metadata.js";
import { PinBook } from "./pins.js";
import { type Candidate, nameOfSource, readReportInput } from "./sources.js";
import type {
  AlreadyUpToDate,
  HistoryEntry,
  LibraryConfig,
  LibraryHooks,
  LibraryOptions,
  RefreshRequest,
  ReportStatus,
  RollbackRequest,
  VersionChange,
} from "./types.js";

const GAP_ROWS_CONSIDERED = 2000;
const DEFAULT_INDEX_CACHE_MB = 256;
const MB = 1024 * 1024;

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The reports factdesk answers from: which version each guild uses, and every way to change that.
 * Both `/report` and the operator CLI go through here. Reads (`active`) touch memory only; every
 * change is built off to the side, committed in one transaction, then swapped in.
 */
export class ReportLibrary implements ReportSource {
  private readonly activeByScope = new Map<string, ActiveReport>();
  private readonly hooks: LibraryHooks;
  private readonly now: () => Date;
  /** Builds off the event loop, within REPORT_BUILD_TIMEOUT_MS and REPORT_BUILD_MEMORY_MB. */
  private readonly buildIndex: IndexBuilder;
  /** One index per sha256, whichever guilds and versions hold those bytes. */
  private readonly indexes: IndexCache;
  private seenDataVersion = -1;
  private reloading: Promise<void> | null = null;
  private reloadAgain: Promise<void> | null = null;
  /** Answers checked by moderators, per server and version. */
  readonly pins: PinBook;

  private constructor(
    private readonly store: Store,
    private readonly config: LibraryConfig,
    private readonly logger: Logger,
    options: LibraryOptions,
  ) {
    this.hooks = options.hooks ?? {};
    this.now = options.now ?? (() => new Date());
    this.pins = new PinBook(store, this, this.now);
    this.indexes = new IndexCache((config.INDEX_CACHE_MB ?? DEFAULT_INDEX_CACHE_MB) * MB);
    this.buildIndex =
      options.buildIndex ??
      workerIndexBuilder({
        timeoutMs: config.REPORT_BUILD_TIMEOUT_MS,
        memoryMb: config.REPORT_BUILD_MEMORY_MB,
      });
  }

  /** Load the active versions; on a first start, import REPORT_PATH as version 1. */
  static async open(
    store: Store,
    config: LibraryConfig,
    logger: Logger,
    options: LibraryOptions = {},
  ): Promise<ReportLibrary> {
    const library = new ReportLibrary(store, config, logger, options);
    await library.reloadIfChangedElsewhere();
    if (!library.activeByScope.has(DEFAULT_SCOPE)) {
      const input = { kind: "file", path: config.REPORT_PATH } as const;
      await library.commitNewVersion(
        { guildId: null, moderatorId: null, input },
        await readReportInput(input, config),
      );
    }
    return library;
  }

  active(guildId: string | null): ActiveReport {
    const report =
      (guildId === null ? undefined : this.activeByScope.get(guildId)) ??
      this.activeByScope.get(DEFAULT_SCOPE);
    if (!report) throw new Error("factdesk: no default report is loaded");
    return report;
  }

  async refresh(request: RefreshRequest): Promise<VersionChange | AlreadyUpToDate> {
    const candidate = await readReportInput(request.input, this.config);
    const previous = this.active(request.guildId);
    if (sha256(candidate.bytes) === previous.sha256) {
      return { kind: "unchanged", version: previous.version };
    }
    const { action, version, activated, changedPins } = await this.commitNewVersion(
      request,
      candidate,
    );
    return { ...this.change(action, request.guildId, version, previous, activated), changedPins };
  }

  /**
   * Validate and index off to the side (in a worker), then insert + switch in one transaction, then
   * swap. Nothing is awaited between the commit and the swap, so no other change can come between.
   */
  private async commitNewVersion(request: RefreshRequest, candidate: Candidate) {
    const text = decodeReportBytes(candidate.bytes);
    const at = this.now();
    const meta = mergeMeta(
      metaFromFileName(candidate.name),
      readMetadata(text, at),
      candidate.meta,
      request.meta ?? {},
    );
    const sha = sha256(candidate.bytes);
    const built =
      this.indexes.get(sha) ??
      (await this.buildIndex(text, { name: candidate.name, version: null, ...meta }));
    const index = {
      ...this.indexes.put(sha, built),
      meta: { name: candidate.name, version: null, ...meta },
    };
    this.hooks.beforeCommit?.();

    const action = this.actionFor(request);
    const scope = scopeKey(request.guildId);
    const previous = this.activeByScope.get(scope) ?? this.activeByScope.get(DEFAULT_SCOPE);
    const { version, changedPins } = this.store.transaction(() => {
      const id = this.store.versions.insert({
        guildId: request.guildId,
        sha256: sha256(candidate.bytes),
        source: candidate.source,
        text,
        byteLength: candidate.bytes.byteLength,
        paragraphs: index.report.paragraphs.length,
        facts: index.table.facts.length,
        createdBy: request.moderatorId,
        createdAt: at,
        meta,
      });
      this.store.versions.setPointer(scope, id, request.moderatorId, at);
      this.audit(action, request.guildId, request.moderatorId, id, candidate.source, at);
      const changedPins = previous
        ? this.pins.carryOver(previous.version, index, id, request.guildId)
        : [];
      return { version: this.stored(id), changedPins };
    });
    const numbered = { ...index, meta: { ...index.meta, version: version.id } };
    const activated = this.activate(version, numbered, {
      scope,
      versionId: version.id,
      activatedBy: request.moderatorId,
      activatedAt: at,
    });
    this.logChange(action, request.guildId, request.moderatorId, activated);
    return { action, version, activated, changedPins };
  }

  async rollback(request: RollbackRequest): Promise<VersionChange> {
    const version = this.visibleVersion(request.guildId, request.version);
    const previous = this.active(request.guildId);
    if (previous.version === version.id) {
      throw new ReportError(`version ${version.id} is already active`);
    }
    const index = await this.indexFor(version);
    this.hooks.beforeCommit?.();

    const at = this.now();
    const scope = scopeKey(request.guildId);
    // Rolling a guild back to the current default means "follow the default again", so later
    // default refreshes reach it; any other version pins the guild to it.
    const rejoinsDefault =
      request.guildId !== null && this.activeByScope.get(DEFAULT_SCOPE)?.version === version.id;
    this.store.transaction(() => {
      if (rejoinsDefault) this.store.versions.clearPointer(scope);
      else this.store.versions.setPointer(scope, version.id, request.moderatorId, at);
      this.audit("rollback", request.guildId, request.moderatorId, version.id, null, at);
    });
    let activated: ActiveReport;
    if (rejoinsDefault) {
      this.activeByScope.delete(scope);
      activated = this.active(request.guildId);
    } else {
      activated = this.activate(version, index, {
        scope,
        versionId: version.id,
        activatedBy: request.moderatorId,
        activatedAt: at,
      });
    }
    this.logChange("rollback", request.guildId, request.moderatorId, activated);
    return this.change("rollback", request.guildId, version, previous, activated);
  }

  status(guildId: string | null): ReportStatus {
    return {
      active: this.active(guildId),
      followsDefault: guildId === null || !this.activeByScope.has(guildId),
      feedback: this.store.feedback.totals(guildId),
    };
  }

  /** The versions a guild can roll back to (its own and the default ones), newest first. */
  history(guildId: string | null, limit = 10): HistoryEntry[] {
    const activeVersion = this.active(guildId).version;
    return this.store.versions
      .history(guildId, limit)
      .map((version) => ({ version, active: version.id === activeVersion }));
  }

  /** Most asked questions that got not_found or a low-confidence answer. null: every guild. */
  gaps(guildId: string | null, days: number, limit = 10): GapGroup[] {
    const since = new Date(this.now().getTime() - days * 24 * 60 * 60 * 1000);
    const rows = this.store.questions.gapCandidates({
      guildId,
      since,
      lowConfidence: LOW_CONFIDENCE,
      limit: GAP_ROWS_CONSIDERED,
    });
    return groupGaps(rows, limit);
  }

  /**
   * Pick up changes committed by another process (the operator CLI) since the last look.
   * Cheap when nothing changed: one pragma read. Calls while one is under way share one more after it.
   */
  reloadIfChangedElsewhere(): Promise<void> {
    // A change announced while a reload is under way may have come after that reload's read:
    // look once more after it, rather than wait for the next announcement.
    if (this.reloading) {
      const again = () => {
        this.reloadAgain = null;
        return this.reloadIfChangedElsewhere();
      };
      this.reloadAgain ??= this.reloading.then(again, again);
      return this.reloadAgain;
    }
    this.reloading = this.reload().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  private async reload(): Promise<void> {
    const dataVersion = this.store.dataVersion();
    if (dataVersion === this.seenDataVersion) return;
    this.seenDataVersion = dataVersion;
    this.pins.reload();
    const pointers = this.store.versions.pointers();
    for (const pointer of pointers) {
      if (this.isLoaded(pointer)) continue;
      const version = this.stored(pointer.versionId);
      try {
        const index = await this.indexFor(version);
        // A change made here while the index was building wins over what was read before it.
        const current = this.store.versions.pointers().find((p) => p.scope === pointer.scope);
        if (current?.versionId === pointer.versionId) this.activate(version, index, current);
      } catch (error) {
        if (pointer.scope === DEFAULT_SCOPE) throw error;
        this.logger.error(
          { err: error, guildId: pointer.scope, version: pointer.versionId },
          "stored report no longer builds; this guild falls back to the default report",
        );
      }
    }
    const scopes = new Set(this.store.versions.pointers().map((pointer) => pointer.scope));
    for (const scope of this.activeByScope.keys()) {
      if (!scopes.has(scope)) this.activeByScope.delete(scope);
    }
  }

  /** A version this scope may read: its own uploads and the default ones. */
  visibleVersion(guildId: string | null, id: number): StoredVersion {
    const version = this.store.versions.get(id);
    if (!version) throw new ReportError(`version ${id} does not exist`);
    if (version.guildId !== null && version.guildId !== guildId) {
      throw new ReportError(
        guildId === null
          ? `version ${version.id} is an upload of server ${version.guildId}; pass --guild ${version.guildId}`
          : `version ${version.id} is not in this server's history`,
      );
    }
    return version;
  }

  /** The text and index of any version this scope may read, for export and diff. */
  async versionIndex(
    guildId: string | null,
    id: number,
  ): Promise<{ version: StoredVersion; index: ReportIndex }> {
    const version = this.visibleVersion(guildId, id);
    return { version, index: await this.indexFor(version) };
  }

  /** What changed in the fact table from one version to another. */
  async diff(guildId: string | null, from: number, to: number) {
    const before = await this.versionIndex(guildId, from);
    const after = await this.versionIndex(guildId, to);
    return {
      from: before.version,
      to: after.version,
      paragraphs: {
        before: before.index.report.paragraphs.length,
        after: after.index.report.paragraphs.length,
      },
      facts: { before: before.index.table.facts.length, after: after.index.table.facts.length },
      diff: diffFactTables(before.index.table, after.index.table),
    };
  }

  /** The stored text of a version, exactly as it was committed. */
  text(guildId: string | null, id: number): string {
    return this.store.versions.text(this.visibleVersion(guildId, id).id);
  }

  private isLoaded(pointer: ActivePointer): boolean {
    const current = this.activeByScope.get(pointer.scope);
    return (
      current?.version === pointer.versionId &&
      current.loadedAt.getTime() === pointer.activatedAt.getTime()
    );
  }

  private actionFor(request: RefreshRequest): AuditAction {
    if (request.input.kind === "upload") return "upload";
    if (request.input.kind === "default" || request.input.kind === "fetched") return "refresh";
    return "import";
  }

  private stored(id: number): StoredVersion {
    const version = this.store.versions.get(id);
    if (!version) throw new Error(`factdesk: report version ${id} is missing from the database`);
    return version;
  }

  /**
   * The index of any version whose bytes are already indexed (another version, another guild),
   * else built again from its text. Only the metadata is the version's own: a shallow copy over
   * the one shared index.
   */
  private async indexFor(version: StoredVersion): Promise<ReportIndex> {
    const meta = { name: nameOfSource(version.source), version: version.id, ...version.meta };
    const shared =
      this.indexes.get(version.sha256) ??
      this.indexes.put(
        version.sha256,
        await this.buildIndex(this.store.versions.text(version.id), meta),
      );
    return { ...shared, meta };
  }

  private activate(
    version: StoredVersion,
    index: ReportIndex,
    pointer: ActivePointer,
  ): ActiveReport {
    const report: ActiveReport = {
      index,
      version: version.id,
      source: version.source,
      sha256: version.sha256,
      loadedAt: pointer.activatedAt,
      loadedBy: pointer.activatedBy,
    };
    this.activeByScope.set(pointer.scope, report);
    return report;
  }

  private change(
    action: AuditAction,
    guildId: string | null,
    version: StoredVersion,
    previous: ActiveReport,
    next: ActiveReport,
  ): VersionChange {
    return {
      kind: "changed",
      action,
      guildId,
      version,
      previous,
      paragraphs: {
        before: previous.index.report.paragraphs.length,
        after: next.index.report.paragraphs.length,
      },
      facts: { before: previous.index.table.facts.length, after: next.index.table.facts.length },
      diff: diffFactTables(previous.index.table, next.index.table),
      changedPins: [],
    };
  }

  private audit(
    action: AuditAction,
    guildId: string | null,
    moderatorId: string | null,
    versionId: number | null,
    detail: string | null,
    at: Date,
  ): void {
    this.store.audit.record({ at, guildId, moderatorId, action, versionId, detail });
  }

  private logChange(
    action: AuditAction,
    guildId: string | null,
    moderatorId: string | null,
    report: ActiveReport,
  ): void {
    this.logger.info(
      { guildId, moderatorId, action, version: report.version, source: report.source },
      "report changed",
    );
    this.hooks.changed?.(action);
    this.store.changes.notifyChange({ kind: "report", guildId });
  }
}
