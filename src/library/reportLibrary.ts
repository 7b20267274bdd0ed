import { createHash } from "node:crypto";
import type { Logger } from "pino";
import { diffFactTables } from "../facts/diff.js";
import type { ReportIndex, ReportMeta } from "../qa/reportIndex.js";
import { decodeReportBytes } from "../report/decode.js";
import { ReportError } from "../report/errors.js";
import type { ActiveReport, ActiveVersion, ReportSource } from "../services.js";
import type { AuditAction } from "../store/audit.js";
import type { StoreChange } from "../store/changes.js";
import type { Store } from "../store/index.js";
import type { ActivePointer, StoredVersion } from "../store/reportVersions.js";
import { DEFAULT_SCOPE, scopeKey } from "../store/scope.js";
import type { StoreTables, VersionTable } from "../store/tables.js";
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
/** How often a change is tried again after finding that another one committed first. */
const COMMIT_ATTEMPTS = 3;
const DEFAULT_INDEX_CACHE_MB = 256;
const MB = 1024 * 1024;

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Another process (or request) changed the scope after this one read it: read again, then retry. */
class ChangedMeanwhile extends Error {}

function metaOf(version: StoredVersion): ReportMeta {
  return { name: nameOfSource(version.source), version: version.id, ...version.meta };
}

/**
 * The reports factdesk answers from: which version each guild uses, and every way to change that.
 * Both `/report` and the operator CLI go through here. Every guild's active version is held (a few
 * fields each); indexes are built on the first question that needs one, shared by sha256 and
 * evicted least recently used beyond INDEX_CACHE_MB. Every change is built off to the side,
 * committed in one transaction, then swapped in.
 */
export class ReportLibrary implements ReportSource {
  private readonly activeByScope = new Map<string, ActiveVersion>();
  private readonly hooks: LibraryHooks;
  private readonly now: () => Date;
  /** Builds off the event loop, within REPORT_BUILD_TIMEOUT_MS and REPORT_BUILD_MEMORY_MB. */
  private readonly buildIndex: IndexBuilder;
  /** One index per sha256, whichever guilds and versions hold those bytes. */
  private readonly indexes: IndexCache;
  /** Builds under way, by sha256: every guild asking meanwhile waits on the same one. */
  private readonly building = new Map<string, Promise<ReportIndex>>();
  /**
   * Guilds that asked in this process (so, sharded, the guilds this shard serves): a version
   * committed elsewhere for one of them is built as soon as it is heard.
   */
  private readonly askedHere = new Set<string>();
  /** Guilds this process's Discord client is in (sharded: the guilds of its shards). */
  private serves: (guildId: string) => boolean = () => false;
  /** Changes heard from elsewhere, taken in one at a time and in the order heard. */
  private applying: Promise<void> = Promise.resolve();
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

  /**
   * Read which version every guild answers from; on a first start, import REPORT_PATH as version
   * 1. Only the default report's index is built now: most guilds answer from it, and a default
   * that no longer builds must stop the start. Every other index waits for its first question.
   */
  static async open(
    store: Store,
    config: LibraryConfig,
    logger: Logger,
    options: LibraryOptions = {},
  ): Promise<ReportLibrary> {
    const library = new ReportLibrary(store, config, logger, options);
    await library.readAllPointers();
    if (!library.activeByScope.has(DEFAULT_SCOPE)) {
      const input = { kind: "file", path: config.REPORT_PATH } as const;
      const candidate = await readReportInput(input, config);
      try {
        await library.commitNewVersion({ guildId: null, moderatorId: null, input }, candidate, {
          retry: false,
        });
      } catch (error) {
        // Two hosts starting on one empty database: one imports, the other reads what it imported.
        if (!(error instanceof ChangedMeanwhile)) throw error;
        await library.readAllPointers();
      }
    }
    await library.indexOf(library.activeVersion(null));
    return library;
  }

  activeVersion(guildId: string | null): ActiveVersion {
    const report =
      (guildId === null ? undefined : this.activeByScope.get(guildId)) ??
      this.activeByScope.get(DEFAULT_SCOPE);
    if (!report) throw new Error("factdesk: no default report is loaded");
    return report;
  }

  /** Whether a guild answers from the default report (it has no upload or rollback of its own). */
  followsDefault(guildId: string | null): boolean {
    return guildId === null || !this.activeByScope.has(guildId);
  }

  /**
   * Tell the library which guilds this process serves (the client's guild cache), so a version
   * committed elsewhere for one of them is built as it is heard, before anyone there asks.
   */
  serveGuilds(serves: (guildId: string) => boolean): void {
    this.serves = serves;
  }

  /** How many indexes are held now, and their estimated heap (/metrics, the memory bench). */
  cacheStats(): { indexes: number; bytes: number } {
    return { indexes: this.indexes.size, bytes: this.indexes.heldBytes };
  }

  isIndexed(guildId: string | null): boolean {
    return this.indexes.has(this.activeVersion(guildId).sha256);
  }

  async active(guildId: string | null): Promise<ActiveReport> {
    if (guildId !== null) this.askedHere.add(guildId);
    const version = this.activeVersion(guildId);
    try {
      return { ...version, index: await this.indexOf(version) };
    } catch (error) {
      const fallback = this.activeVersion(null);
      if (version === fallback) throw error;
      this.logger.error(
        { err: error, guildId, version: version.version },
        "stored report no longer builds; this guild answers from the default report",
      );
      return { ...fallback, index: await this.indexOf(fallback) };
    }
  }

  async refresh(request: RefreshRequest): Promise<VersionChange | AlreadyUpToDate> {
    const candidate = await readReportInput(request.input, this.config);
    const previous = this.activeVersion(request.guildId);
    if (sha256(candidate.bytes) === previous.sha256) {
      return { kind: "unchanged", version: previous.version };
    }
    // Held through the build, for the diff, even if the new index evicts it from the cache.
    const held = (await this.active(request.guildId)).index;
    const committed = await this.commitNewVersion(request, candidate);
    const { action, version, index, replaced, changedPins } = committed;
    // Another change committed first, and this one was put on top of it: diff against that one.
    const before = replaced.version === previous.version ? held : await this.indexOf(replaced);
    const change = this.change(action, request.guildId, version, replaced, before, index);
    return { ...change, changedPins };
  }

  /**
   * Run one change of `scope` in a transaction holding `locks`, after checking under them that the
   * scope still answers from the version this process last saw. When another process (or another
   * request here) committed first, read what it did and try again on top of it: two changes at
   * once give two versions in order, each carrying the pins of the one before, never a torn state.
   */
  private async commitInScope<T>(
    scope: string,
    options: { retry: boolean },
    work: (tables: StoreTables, replaced: ActiveVersion | undefined) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const replaced = this.activeByScope.get(scope) ?? this.activeByScope.get(DEFAULT_SCOPE);
      try {
        const guildId = scope === DEFAULT_SCOPE ? null : scope;
        const announce = { kind: "report", guildId } as const;
        return await this.store.transaction(
          [scope],
          async (tables) => {
            const own = await tables.versions.pointer(scope);
            const stored = own ?? (await tables.versions.pointer(DEFAULT_SCOPE));
            if (stored?.versionId !== replaced?.version) throw new ChangedMeanwhile();
            return work(tables, replaced);
          },
          announce,
        );
      } catch (error) {
        if (!(error instanceof ChangedMeanwhile) || !options.retry) throw error;
        if (attempt === COMMIT_ATTEMPTS) {
          throw new ReportError(
            "the report kept changing while this change was committed; try again",
          );
        }
        await this.applyChange({ kind: "all" });
      }
    }
  }

  /**
   * Validate and index off to the side (in a worker), then insert + switch in one transaction, then
   * swap. Nothing is awaited between the commit and the swap, so no other change can come between.
   */
  private async commitNewVersion(
    request: RefreshRequest,
    candidate: Candidate,
    options = { retry: true },
  ) {
    const text = decodeReportBytes(candidate.bytes);
    const at = this.now();
    const meta = mergeMeta(
      metaFromFileName(candidate.name),
      readMetadata(text, at),
      candidate.meta,
      request.meta ?? {},
    );
    const sha = sha256(candidate.bytes);
    const index = {
      ...(await this.sharedIndex(sha, () => text)),
      meta: { name: candidate.name, version: null, ...meta },
    };
    this.hooks.beforeCommit?.();

    const action = this.actionFor(request);
    const scope = scopeKey(request.guildId);
    const committed = await this.commitInScope(scope, options, async (tables, replaced) => {
      const id = await tables.versions.insert({
        guildId: request.guildId,
        sha256: sha,
        source: candidate.source,
        text,
        byteLength: candidate.bytes.byteLength,
        paragraphs: index.report.paragraphs.length,
        facts: index.table.facts.length,
        createdBy: request.moderatorId,
        createdAt: at,
        meta,
      });
      await tables.versions.setPointer(scope, id, request.moderatorId, at);
      await tables.audit.record({
        at,
        guildId: request.guildId,
        moderatorId: request.moderatorId,
        action,
        versionId: id,
        detail: candidate.source,
      });
      const pins = replaced
        ? await this.pins.carryOver(tables, replaced.version, index, id, request.guildId)
        : { carried: [], changed: [] };
      return { version: await stored(tables.versions, id), pins, replaced };
    });
    const { version, pins } = committed;
    this.pins.remember(version.id, pins.carried);
    const activated = this.activate(version, {
      scope,
      versionId: version.id,
      activatedBy: request.moderatorId,
      activatedAt: at,
    });
    this.logChange(action, request.guildId, request.moderatorId, activated);
    const replaced = committed.replaced ?? activated;
    return { action, version, index, replaced, changedPins: pins.changed };
  }

  async rollback(request: RollbackRequest): Promise<VersionChange> {
    const version = await this.visibleVersion(request.guildId, request.version);
    const previous = this.activeVersion(request.guildId);
    if (previous.version === version.id) {
      throw new ReportError(`version ${version.id} is already active`);
    }
    const before = (await this.active(request.guildId)).index;
    // A version that no longer builds is refused before anything changes.
    const after = await this.indexFor(version);
    this.hooks.beforeCommit?.();

    const at = this.now();
    const scope = scopeKey(request.guildId);
    // Rolling a guild back to the current default means "follow the default again", so later
    // default refreshes reach it; any other version pins the guild to it.
    const rejoinsDefault =
      request.guildId !== null && this.activeByScope.get(DEFAULT_SCOPE)?.version === version.id;
    // Refused, not retried, when another change came first: its moderator meant that version.
    const pins = await this.commitInScope(scope, { retry: false }, async (tables) => {
      if (rejoinsDefault) await tables.versions.clearPointer(scope);
      else await tables.versions.setPointer(scope, version.id, request.moderatorId, at);
      await tables.audit.record({
        at,
        guildId: request.guildId,
        moderatorId: request.moderatorId,
        action: "rollback",
        versionId: version.id,
        detail: null,
      });
      return tables.pins.forVersion(version.id);
    }).catch((error: unknown) => {
      if (!(error instanceof ChangedMeanwhile)) throw error;
      throw new ReportError("the report was changed meanwhile; look at /report history again");
    });
    this.pins.remember(version.id, pins);
    let activated: ActiveVersion;
    if (rejoinsDefault) {
      this.activeByScope.delete(scope);
      activated = this.activeVersion(request.guildId);
    } else {
      activated = this.activate(version, {
        scope,
        versionId: version.id,
        activatedBy: request.moderatorId,
        activatedAt: at,
      });
    }
    this.logChange("rollback", request.guildId, request.moderatorId, activated);
    return this.change("rollback", request.guildId, version, previous, before, after);
  }

  async status(guildId: string | null): Promise<ReportStatus> {
    return {
      active: this.activeVersion(guildId),
      followsDefault: this.followsDefault(guildId),
      feedback: await this.store.feedback.totals(guildId),
    };
  }

  /** The versions a guild can roll back to (its own and the default ones), newest first. */
  async history(guildId: string | null, limit = 10): Promise<HistoryEntry[]> {
    const activeVersion = this.activeVersion(guildId).version;
    const versions = await this.store.versions.history(guildId, limit);
    return versions.map((version) => ({ version, active: version.id === activeVersion }));
  }

  /** Most asked questions that got not_found or a low-confidence answer. null: every guild. */
  async gaps(guildId: string | null, days: number, limit = 10): Promise<GapGroup[]> {
    const since = new Date(this.now().getTime() - days * 24 * 60 * 60 * 1000);
    const rows = await this.store.questions.gapCandidates({
      guildId,
      since,
      lowConfidence: LOW_CONFIDENCE,
      limit: GAP_ROWS_CONSIDERED,
    });
    return groupGaps(rows, limit);
  }

  /**
   * Take in a change committed by another shard, host or the operator CLI: which version a scope
   * answers from is read again at once (so /report status and the next question see it), and its
   * index is built now only for the default report and for guilds this process serves (its
   * client is in them, or they asked here), so their next question does not wait for a build;
   * elsewhere it is built on the next question, and a burst of changes to guilds this process does
   * not serve costs no builds. A change this process already has is a no-op.
   */
  applyChange(change: StoreChange): Promise<void> {
    const apply = async () => {
      await this.applyNow(change);
      this.hooks.applied?.(change);
    };
    this.applying = this.applying.then(apply, apply);
    return this.applying;
  }

  private async applyNow(change: StoreChange): Promise<void> {
    if (change.kind === "settings") return;
    if (change.kind === "report") {
      const taken = await this.readPointer(scopeKey(change.guildId));
      if (taken) {
        this.logger.info(
          { guildId: change.guildId, version: taken.version },
          "report version taken in from the store",
        );
      }
    }
    if (change.kind === "all") await this.readAllPointers();
    this.pins.reload();
  }

  private async readAllPointers(): Promise<void> {
    const pointers = await this.store.versions.pointers();
    const scopes = new Set(pointers.map((pointer) => pointer.scope));
    for (const scope of this.activeByScope.keys()) {
      if (!scopes.has(scope)) this.activeByScope.delete(scope);
    }
    for (const pointer of pointers) await this.takePointer(pointer.scope, pointer);
  }

  /** The scope's version as stored now, when it is not the one already held here. */
  private async readPointer(scope: string): Promise<ActiveVersion | null> {
    const pointer = await this.store.versions.pointer(scope);
    if (pointer) return this.takePointer(scope, pointer);
    this.activeByScope.delete(scope);
    return null;
  }

  private async takePointer(scope: string, pointer: ActivePointer): Promise<ActiveVersion | null> {
    const previous = this.activeByScope.get(scope);
    if (previous && this.isLoaded(previous, pointer)) return null;
    const version = this.activate(await stored(this.store.versions, pointer.versionId), pointer);
    const inUse = scope === DEFAULT_SCOPE || this.askedHere.has(scope) || this.serves(scope);
    if (!inUse || this.indexes.has(version.sha256)) return version;
    this.indexOf(version).catch((error: unknown) => {
      this.logger.error(
        { err: error, guildId: scope, version: version.version },
        "could not build a report version committed elsewhere",
      );
    });
    return version;
  }

  /** A version this scope may read: its own uploads and the default ones. */
  async visibleVersion(guildId: string | null, id: number): Promise<StoredVersion> {
    const version = await this.store.versions.get(id);
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
    const version = await this.visibleVersion(guildId, id);
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
  async text(guildId: string | null, id: number): Promise<string> {
    return this.store.versions.text((await this.visibleVersion(guildId, id)).id);
  }

  private isLoaded(current: ActiveVersion, pointer: ActivePointer): boolean {
    return (
      current.version === pointer.versionId &&
      current.loadedAt.getTime() === pointer.activatedAt.getTime()
    );
  }

  private actionFor(request: RefreshRequest): AuditAction {
    if (request.input.kind === "upload") return "upload";
    if (request.input.kind === "default" || request.input.kind === "fetched") return "refresh";
    return "import";
  }

  /** The index of a stored version, under its own name and number. */
  private async indexFor(version: StoredVersion): Promise<ReportIndex> {
    const shared = await this.sharedIndex(version.sha256, () =>
      this.store.versions.text(version.id),
    );
    return { ...shared, meta: metaOf(version) };
  }

  private async indexOf(active: ActiveVersion): Promise<ReportIndex> {
    const shared = await this.sharedIndex(active.sha256, () =>
      this.store.versions.text(active.version),
    );
    return { ...shared, meta: active.meta };
  }

  /**
   * The one index for these bytes, whichever guilds and versions hold them: held, under way, or
   * built now from `text`. Only the metadata is a version's own: a shallow copy over it.
   */
  private sharedIndex(sha: string, text: () => string | Promise<string>): Promise<ReportIndex> {
    const held = this.indexes.get(sha);
    if (held) return Promise.resolve(held);
    let build = this.building.get(sha);
    if (!build) {
      build = Promise.resolve(text())
        .then((body) => this.buildIndex(body, { name: "", version: null }))
        .then((index) => this.indexes.put(sha, index))
        .finally(() => this.building.delete(sha));
      this.building.set(sha, build);
    }
    return build;
  }

  private activate(version: StoredVersion, pointer: ActivePointer): ActiveVersion {
    const report: ActiveVersion = {
      version: version.id,
      source: version.source,
      sha256: version.sha256,
      loadedAt: pointer.activatedAt,
      loadedBy: pointer.activatedBy,
      meta: metaOf(version),
      paragraphs: version.paragraphs,
      facts: version.facts,
    };
    this.activeByScope.set(pointer.scope, report);
    return report;
  }

  private change(
    action: AuditAction,
    guildId: string | null,
    version: StoredVersion,
    previous: ActiveVersion,
    before: ReportIndex,
    after: ReportIndex,
  ): VersionChange {
    return {
      kind: "changed",
      action,
      guildId,
      version,
      previous,
      paragraphs: {
        before: before.report.paragraphs.length,
        after: after.report.paragraphs.length,
      },
      facts: { before: before.table.facts.length, after: after.table.facts.length },
      diff: diffFactTables(before.table, after.table),
      changedPins: [],
    };
  }

  private logChange(
    action: AuditAction,
    guildId: string | null,
    moderatorId: string | null,
    report: ActiveVersion,
  ): void {
    this.logger.info(
      { guildId, moderatorId, action, version: report.version, source: report.source },
      "report changed",
    );
    this.hooks.changed?.(action);
  }
}

/** A version that must exist: a pointer or a commit names it. */
async function stored(versions: VersionTable, id: number): Promise<StoredVersion> {
  const version = await versions.get(id);
  if (!version) throw new Error(`factdesk: report version ${id} is missing from the database`);
  return version;
}
