/**
 * A fake Discord on 127.0.0.1 (random port) that the real discord.js client talks to:
 * REST over node:http, the gateway over ws, plain JSON frames.
 *
 *   const fake = await FakeDiscord.start({ askChannelIds: 1, roles: [{ name: "mods" }] });
 *   config: DISCORD_API_URL = fake.apiUrl, DISCORD_CLIENT_ID = fake.appId, DISCORD_GUILD_ID = fake.guildId
 *   const client = await startBot(config, logger, services);   // READY + GUILD_CREATE are sent on IDENTIFY
 *
 * Interactions (each returns an InteractionHandle that collects what the bot sends back):
 *   const handle = await fake.sendCommand("ask", { question: "…" }, { userId, roles, permissions });
 *   const reply = await handle.reply();          // first message: reply, update, or the edit after a defer
 *   reply.ephemeral; reply.body.embeds; reply.message (as Discord would store it, for sendComponent)
 *   reply.files: attachments the bot uploaded with a reply, as { name, content } text
 *   await handle.response(1)                     // n-th response of any kind (defer, edit, followUp…)
 *   options: string → STRING, integer → INTEGER, other number → NUMBER, boolean → BOOLEAN,
 *            fake.attachment(name, content) → ATTACHMENT (served by the fake at its `url`),
 *            { type: 7, value: channelId } / { type: 8, value: roleId } → CHANNEL / ROLE, resolved,
 *            or a raw option object; { subcommand: "refresh" } in the actor wraps them in a subcommand.
 *   actor: userId (default: a fresh user per call), roles (role ids), permissions (bitfield),
 *          channelId, guildId: null for a DM.
 *   const choices = await (await fake.sendAutocomplete("ask", { question: "yun" }, "question")).choices();
 *   await fake.sendComponent("para:4", { message: reply.message })                  // a button
 *   await fake.sendComponent("suggest", { message, componentType: 3, values: ["…"] }) // a select menu
 *
 * Chat: const sent = fake.sendMessage({ content: `<@${fake.botId}> …`, channelId, dm, userId, bot });
 *   await fake.replyTo(sent.id) → the channel message the bot posted in reply (message_reference).
 *   fake.channelMessages lists every channel message the bot posted.
 *
 * Intents: FakeDiscord.start({ disallowedIntents: GatewayIntentBits.MessageContent }) closes an
 *   IDENTIFY that asks for them with 4014; fake.identify.intents is what the client asked for.
 *
 * Other HTTP: fake.commandPuts (bulk PUTs of commands, with guildId or null for global);
 *   fake.serveFile("/files/report.txt", text, { delayMs }) → absolute URL;
 *   fake.route("GET", "/anything", handler) for full control;
 *   fake.failNext({ method, path: /regex/, status, code }) makes the next matching Discord call fail;
 *   fake.requests records every request. Unknown routes get 404 (the REST client retries 5xx).
 * Gateway: fake.closeGateway(4004) closes the bot's connection as Discord would;
 *   fake.gatewayCloseCodes lists the close code of every connection that ended (1000 when the bot disconnects cleanly).
 * Waiting: fake.identified() (a client has connected, e.g. a spawned `npm start`);
 *   fake.waitFor(probe, what) resolves with probe()'s first defined value, re-checked on every request.
 */
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import {
  commandOptions,
  EPHEMERAL,
  type FakeAttachment,
  guildCreatePayload,
  interactionPayload,
  type Json,
  member,
  messageObject,
  type OptionValue,
  type RoleSpec,
  readyPayload,
  snowflake,
  user,
} from "./fakePayloads.js";

export type { FakeAttachment, Json, OptionValue } from "./fakePayloads.js";
export { snowflake } from "./fakePayloads.js";

export interface CapturedRequest {
  method: string;
  /** Path without the query string, percent-decoded ("@original"). */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface Actor {
  userId?: string;
  username?: string;
  /** Role ids; give the fake these roles at start so discord.js resolves them. */
  roles?: string[];
  /** Permission bitfield of the member in the channel, e.g. PermissionFlagsBits.ManageGuild. */
  permissions?: bigint | string;
  channelId?: string;
  /** null sends the interaction from a DM. */
  guildId?: string | null;
  subcommand?: string;
  /** Which shard's gateway connection carries it (with FakeDiscordOptions.shards); else the latest. */
  shard?: number;
}

export type ResponseKind =
  | "reply"
  | "defer"
  | "update"
  | "deferUpdate"
  | "autocomplete"
  | "modal"
  | "edit"
  | "followUp"
  | "delete";

export interface BotResponse {
  kind: ResponseKind;
  /** The message payload (for callbacks, the callback's `data`). */
  body: Json;
  ephemeral: boolean;
  /** The message as Discord would store it, for reply/update/edit/followUp. */
  message?: Json;
  /** Files attached to the message (multipart uploads), by file name. */
  files?: { name: string; content: string }[];
}

export interface FakeDiscordOptions {
  /** How many extra text channels to create and expose as `askChannelIds`. */
  askChannelIds?: number;
  roles?: { id?: string; name: string; permissions?: bigint | string }[];
  /**
   * Gateway intents this application is not allowed (privileged intents switched off in the
   * developer portal): an IDENTIFY asking for any of them is closed with 4014, as Discord does.
   */
  disallowedIntents?: number;
  /** The shard count /gateway/bot recommends; each shard identifies on its own connection. Default 1. */
  shards?: number;
}

type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
) => void | Promise<void>;

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  code: number;
  message: string;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function parseBody(req: IncomingMessage, raw: Buffer): unknown {
  if (raw.length === 0) return null;
  const type = req.headers["content-type"] ?? "";
  if (type.startsWith("multipart/form-data")) {
    // discord.js sends JSON in the payload_json part when files are attached.
    const match = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(
      raw.toString("utf8"),
    );
    return match?.[1] ? JSON.parse(match[1]) : null;
  }
  if (type.startsWith("application/json")) return JSON.parse(raw.toString("utf8"));
  return raw.toString("utf8");
}

/** The file parts of a multipart body, as text. */
function multipartFiles(req: IncomingMessage, raw: Buffer): { name: string; content: string }[] {
  const boundary = /boundary=([^;]+)/.exec(req.headers["content-type"] ?? "")?.[1];
  if (!boundary) return [];
  return raw
    .toString("utf8")
    .split(`--${boundary}`)
    .flatMap((part) => {
      const match = /filename="([^"]*)"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*)\r\n$/.exec(part);
      return match ? [{ name: match[1] ?? "", content: match[2] ?? "" }] : [];
    });
}

export class InteractionHandle {
  readonly responses: BotResponse[] = [];

  constructor(
    readonly id: string,
    readonly token: string,
    readonly channelId: string,
    private readonly fake: FakeDiscord,
  ) {}

  /** The n-th response of any kind, waiting for it if needed. */
  response(n = 0, timeoutMs?: number): Promise<BotResponse> {
    return this.fake.waitFor(() => this.responses[n], `response #${n} to ${this.id}`, timeoutMs);
  }

  /** The first response that carries a message, skipping deferrals. */
  reply(timeoutMs?: number): Promise<BotResponse> {
    const carriesMessage = new Set<ResponseKind>(["reply", "update", "edit", "followUp"]);
    return this.fake.waitFor(
      () => this.responses.find((r) => carriesMessage.has(r.kind)),
      `a reply to ${this.id}`,
      timeoutMs,
    );
  }

  async choices(timeoutMs?: number): Promise<{ name: string; value: string | number }[]> {
    const response = await this.fake.waitFor(
      () => this.responses.find((r) => r.kind === "autocomplete"),
      `autocomplete choices for ${this.id}`,
      timeoutMs,
    );
    return response.body.choices as { name: string; value: string | number }[];
  }
}

export class FakeDiscord {
  readonly appId = snowflake();
  readonly botId = this.appId;
  readonly guildId = snowflake();
  /** An ordinary text channel. */
  readonly channelId = snowflake();
  readonly askChannelIds: string[];
  readonly roles: RoleSpec[];
  readonly requests: CapturedRequest[] = [];
  readonly commandPuts: { guildId: string | null; body: Json[] }[] = [];
  readonly channelMessages: Json[] = [];
  /** The IDENTIFY payload the client sent (intents, token). */
  identify: Json | null = null;
  /** Close codes of every gateway connection that has closed, in order (1000: a clean disconnect). */
  readonly gatewayCloseCodes: number[] = [];
  /** Threads the bot started from a message. */
  readonly threads: Json[] = [];
  /** Ids of messages and channels the bot deleted. */
  readonly deletedMessageIds: string[] = [];
  readonly deletedChannelIds: string[] = [];
  /** What each PATCH of a bot message sent, in order. */
  readonly messageEdits: { messageId: string; body: Json }[] = [];
  /** Users' messages as sent, so they can be edited and deleted later. */
  private readonly userMessages = new Map<string, Json>();

  private readonly server: Server;
  private readonly gateway: WebSocketServer;
  private socket: WebSocket | null = null;
  private sequence = 0;
  private readonly handles = new Map<string, InteractionHandle>();
  private readonly routes = new Map<string, RouteHandler>();
  private readonly failures: Failure[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly dmChannels = new Map<string, string>();
  private port = 0;
  private readonly disallowedIntents: number;
  private readonly recommendedShards: number;
  /** The connection each shard identified on, by shard id. */
  private readonly shardSockets = new Map<number, WebSocket>();

  private constructor(options: FakeDiscordOptions) {
    this.disallowedIntents = options.disallowedIntents ?? 0;
    this.recommendedShards = options.shards ?? 1;
    this.askChannelIds = Array.from({ length: options.askChannelIds ?? 0 }, snowflake);
    this.roles = (options.roles ?? []).map((role) => ({
      id: role.id ?? snowflake(),
      name: role.name,
      permissions: role.permissions ?? "0",
    }));
    this.server = createServer((req, res) => void this.handleHttp(req, res));
    this.gateway = new WebSocketServer({ server: this.server, path: "/gateway" });
    this.gateway.on("connection", (socket) => this.handleConnection(socket));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.server.listen(0, "127.0.0.1");
    await once(fake.server, "listening");
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** DISCORD_API_URL for the bot and the deploy script. */
  get apiUrl(): string {
    return `${this.origin}/api`;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const client of this.gateway.clients) client.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves with probe()'s value as soon as it is defined; re-checked after every request and event. */
  waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 5_000): Promise<T> {
    const now = probe();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value === undefined) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  private changed(): void {
    for (const check of [...this.waiters]) check();
  }

  /** Resolves once a client has identified (and so has been sent READY); a process may take a while to start. */
  identified(timeoutMs = 30_000): Promise<WebSocket> {
    return this.waitFor(
      () => (this.identify ? (this.socket ?? undefined) : undefined),
      "the bot to connect and identify",
      timeoutMs,
    );
  }

  /** Resolves once shards 0 … count-1 have each identified, on their own connections. */
  shardsIdentified(count: number, timeoutMs = 30_000): Promise<number[]> {
    return this.waitFor(
      () => {
        const ids = [...this.shardSockets.keys()].sort((a, b) => a - b);
        return ids.length >= count ? ids : undefined;
      },
      `${count} shards to identify`,
      timeoutMs,
    );
  }

  /** Close the bot's gateway connection with `code`, as Discord does (4004: authentication failed). */
  closeGateway(code: number, reason = ""): void {
    this.socket?.close(code, reason);
  }

  // ---- extra HTTP ------------------------------------------------------------------------------

  route(method: string, path: string, handler: RouteHandler): void {
    this.routes.set(`${method.toUpperCase()} ${path}`, handler);
  }

  /** Serves `content` at `path` (after `delayMs`, for timeout tests) and returns its absolute URL. */
  serveFile(
    path: string,
    content: string | Uint8Array,
    options: { contentType?: string; delayMs?: number } = {},
  ): string {
    this.route("GET", path, async (_req, res) => {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (res.destroyed) return;
      res.writeHead(200, { "content-type": options.contentType ?? "text/plain; charset=utf-8" });
      res.end(content);
    });
    return `${this.origin}${path}`;
  }

  /** An attachment option value whose `url` this fake serves. */
  attachment(
    filename: string,
    content: string | Uint8Array,
    options: { contentType?: string; delayMs?: number } = {},
  ): FakeAttachment {
    const id = snowflake();
    const contentType = options.contentType ?? "text/plain; charset=utf-8";
    const url = this.serveFile(`/attachments/${id}/${filename}`, content, {
      ...options,
      contentType,
    });
    const size = typeof content === "string" ? Buffer.byteLength(content) : content.length;
    return { id, filename, url, proxy_url: url, size, content_type: contentType };
  }

  /** The next Discord API call matching method and path answers with this error instead. */
  failNext(failure: {
    method: string;
    path: RegExp;
    status: number;
    code: number;
    message?: string;
  }) {
    this.failures.push({ message: `fake error ${failure.code}`, ...failure });
  }

  // ---- interactions ----------------------------------------------------------------------------

  async sendCommand(
    name: string,
    options: Record<string, OptionValue> = {},
    actor: Actor = {},
  ): Promise<InteractionHandle> {
    const { list, attachments } = commandOptions(options, null);
    const wrapped = actor.subcommand ? [{ name: actor.subcommand, type: 1, options: list }] : list;
    const data: Json = { id: snowflake(), name, type: 1, options: wrapped };
    const resolved: Json = {};
    if (attachments.length > 0) {
      resolved.attachments = Object.fromEntries(attachments.map((a) => [a.id, a]));
    }
    // Channel (7) and role (8) options carry ids; Discord sends the objects in `resolved`.
    const mentioned = list.filter((option) => option.type === 7 || option.type === 8);
    for (const option of mentioned) {
      const id = String(option.value);
      if (option.type === 7) {
        const channels = (resolved.channels ?? {}) as Json;
        channels[id] = { id, type: 0, name: `channel-${id.slice(-4)}`, permissions: "0" };
        resolved.channels = channels;
      } else {
        const roles = (resolved.roles ?? {}) as Json;
        const spec = this.roles.find((role) => role.id === id);
        roles[id] = { id, name: spec?.name ?? "role", permissions: String(spec?.permissions ?? 0) };
        Object.assign(roles[id] as Json, {
          color: 0,
          hoist: false,
          position: 1,
          managed: false,
          mentionable: false,
        });
        resolved.roles = roles;
      }
    }
    if (Object.keys(resolved).length > 0) data.resolved = resolved;
    return this.sendInteraction(2, data, actor);
  }

  async sendAutocomplete(
    name: string,
    options: Record<string, OptionValue>,
    focused: string,
    actor: Actor = {},
  ): Promise<InteractionHandle> {
    const { list } = commandOptions(options, focused);
    const wrapped = actor.subcommand ? [{ name: actor.subcommand, type: 1, options: list }] : list;
    return this.sendInteraction(4, { id: snowflake(), name, type: 1, options: wrapped }, actor);
  }

  /** A message context-menu command (Apps → `name`) used on the user message `targetId`. */
  async sendMessageCommand(
    name: string,
    targetId: string,
    actor: Actor = {},
  ): Promise<InteractionHandle> {
    const target = this.userMessages.get(targetId);
    if (!target) throw new Error(`fake Discord: no user message ${targetId}`);
    const data: Json = {
      id: snowflake(),
      name,
      type: 3,
      target_id: targetId,
      resolved: { messages: { [targetId]: target } },
    };
    const channelId = actor.channelId ?? (target.channel_id as string);
    return this.sendInteraction(2, data, { channelId, ...actor });
  }

  async sendComponent(
    customId: string,
    options: { message?: Json; componentType?: number; values?: string[] } = {},
    actor: Actor = {},
  ): Promise<InteractionHandle> {
    const data: Json = { custom_id: customId, component_type: options.componentType ?? 2 };
    if (options.values) data.values = options.values;
    const channelId = (options.message?.channel_id as string | undefined) ?? actor.channelId;
    const message = options.message ?? this.storedMessage({}, channelId ?? this.channelId);
    return this.sendInteraction(3, data, { channelId, ...actor }, message);
  }

  private async sendInteraction(
    type: number,
    data: Json,
    actor: Actor,
    message?: Json,
  ): Promise<InteractionHandle> {
    // A given shard is waited for below: another shard's connection may be gone (a host killed).
    if (actor.shard === undefined) await this.identified();
    const userId = actor.userId ?? snowflake();
    const author = user(userId, actor.username ?? `user${userId.slice(-4)}`);
    const inGuild = actor.guildId !== null;
    const guildId = actor.guildId ?? this.guildId;
    const channelId = actor.channelId ?? (inGuild ? this.channelId : this.dmChannelFor(userId));

    const id = snowflake();
    const token = `interaction-token-${randomBytes(8).toString("hex")}`;
    const handle = new InteractionHandle(id, token, channelId, this);
    this.handles.set(token, handle);
    const payload = interactionPayload({
      id,
      token,
      appId: this.appId,
      type,
      data,
      author,
      guildId: inGuild ? guildId : null,
      channelId,
      roles: actor.roles,
      permissions: actor.permissions,
      message,
    });
    const shard = actor.shard;
    const socket =
      shard === undefined
        ? this.socket
        : await this.waitFor(() => this.shardSockets.get(shard), `shard ${shard} to identify`);
    this.dispatch("INTERACTION_CREATE", payload, socket);
    return handle;
  }

  // ---- chat ------------------------------------------------------------------------------------

  /** A MESSAGE_CREATE from a user; `<@id>` in the content becomes a mention of that user. */
  sendMessage(options: {
    content: string;
    userId?: string;
    channelId?: string;
    dm?: boolean;
    bot?: boolean;
  }): { id: string; channelId: string; authorId: string } {
    const authorId = options.userId ?? snowflake();
    const author = user(authorId, `user${authorId.slice(-4)}`, options.bot ?? false);
    const channelId = options.dm
      ? this.dmChannelFor(authorId)
      : (options.channelId ?? this.channelId);
    const mentioned = [...options.content.matchAll(/<@!?(\d+)>/g)].map((m) =>
      m[1] === this.botId ? user(this.botId, "factdesk", true) : user(m[1] ?? "", "someone"),
    );
    const payload = messageObject(author, channelId, {
      // discord.js needs the type to build a DM channel it has not seen before.
      channel_type: options.dm ? 1 : 0,
      content: options.content,
      mentions: mentioned,
    });
    if (!options.dm) {
      payload.guild_id = this.guildId;
      payload.member = member();
    }
    this.userMessages.set(payload.id as string, payload);
    // If the bot never connects, the test's replyTo() times out and says so; nothing to add here.
    this.identified().then(
      () => this.dispatch("MESSAGE_CREATE", payload),
      () => {},
    );
    return { id: payload.id as string, channelId, authorId };
  }

  /** A MESSAGE_UPDATE: the user edited their message `messageId` to `content`. */
  editMessage(messageId: string, content: string): void {
    const before = this.userMessages.get(messageId);
    if (!before) throw new Error(`fake Discord: no user message ${messageId} to edit`);
    const after = { ...before, content, edited_timestamp: new Date().toISOString() };
    this.userMessages.set(messageId, after);
    this.dispatch("MESSAGE_UPDATE", after);
  }

  /** A MESSAGE_DELETE: the user deleted their message `messageId`. */
  deleteMessage(messageId: string): void {
    const message = this.userMessages.get(messageId);
    if (!message) throw new Error(`fake Discord: no user message ${messageId} to delete`);
    this.userMessages.delete(messageId);
    const { id, channel_id, guild_id } = message;
    this.dispatch("MESSAGE_DELETE", { id, channel_id, ...(guild_id ? { guild_id } : {}) });
  }

  /** Messages the bot posted in a channel or thread, oldest first. */
  messagesIn(channelId: string): Json[] {
    return this.channelMessages.filter((m) => m.channel_id === channelId);
  }

  /** The message the bot posted in reply to message `messageId`. */
  replyTo(messageId: string, timeoutMs?: number): Promise<Json> {
    return this.waitFor(
      () => this.channelMessages.find((m) => this.referencedId(m) === messageId),
      `a reply to message ${messageId}`,
      timeoutMs,
    );
  }

  repliesTo(messageId: string): Json[] {
    return this.channelMessages.filter((m) => this.referencedId(m) === messageId);
  }

  private referencedId(message: Json): unknown {
    return (message.message_reference as Json | undefined)?.message_id;
  }

  dmChannelFor(userId: string): string {
    let channel = this.dmChannels.get(userId);
    if (!channel) {
      channel = snowflake();
      this.dmChannels.set(userId, channel);
    }
    return channel;
  }

  // ---- gateway ---------------------------------------------------------------------------------

  private handleConnection(socket: WebSocket): void {
    this.socket = socket;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on("message", (raw) => {
      const frame = JSON.parse(raw.toString()) as { op: number; d: Json };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) this.handleIdentify(frame.d, socket);
    });
    socket.on("close", (code) => {
      this.gatewayCloseCodes.push(code);
      for (const [shard, open] of this.shardSockets) {
        if (open === socket) this.shardSockets.delete(shard);
      }
      this.changed();
      if (this.socket !== socket) return;
      this.socket = null;
      this.identify = null;
    });
  }

  private handleIdentify(identify: Json, socket: WebSocket): void {
    if (((identify.intents as number) & this.disallowedIntents) !== 0) {
      socket.close(4014, "Disallowed intent(s).");
      return;
    }
    this.identify = identify;
    this.socket = socket;
    const [shardId] = (identify.shard as [number, number] | undefined) ?? [0, 1];
    this.shardSockets.set(shardId, socket);
    const botUser = user(this.botId, "factdesk", true);
    const gatewayUrl = `ws://127.0.0.1:${this.port}/gateway`;
    const sessionId = randomBytes(8).toString("hex");
    const ready = readyPayload({
      botUser,
      appId: this.appId,
      guildId: this.guildId,
      gatewayUrl,
      sessionId,
    });
    if (identify.shard) ready.shard = identify.shard;
    this.dispatch("READY", ready, socket);
    const channels = [
      { id: this.channelId, name: "general" },
      ...this.askChannelIds.map((id, i) => ({ id, name: `ask-${i + 1}` })),
    ];
    this.dispatch(
      "GUILD_CREATE",
      guildCreatePayload({ guildId: this.guildId, botUser, channels, roles: this.roles }),
      socket,
    );
    this.changed();
  }

  private dispatch(event: string, data: Json, socket = this.socket): void {
    this.sequence += 1;
    socket?.send(JSON.stringify({ op: 0, t: event, s: this.sequence, d: data }));
  }

  // ---- REST ------------------------------------------------------------------------------------

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", this.origin);
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? "GET";

    const custom = this.routes.get(`${method} ${path}`);
    if (custom) {
      this.record({ method, path, query: url.searchParams, body: null });
      await custom(req, res, raw);
      return;
    }
    let body: unknown;
    try {
      body = parseBody(req, raw);
    } catch {
      json(res, 400, { message: "400: Bad JSON", code: 50109 });
      return;
    }
    this.record({ method, path, query: url.searchParams, body });
    const failure = this.failures.findIndex((f) => f.method === method && f.path.test(path));
    if (failure >= 0) {
      const [f] = this.failures.splice(failure, 1);
      if (f) json(res, f.status, { message: f.message, code: f.code });
      return;
    }
    const files = multipartFiles(req, raw);
    this.handleApi(method, path, url.searchParams, body as Json, res, files);
  }

  private record(request: CapturedRequest): void {
    this.requests.push(request);
    queueMicrotask(() => this.changed());
  }

  private handleApi(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Json,
    res: ServerResponse,
    files: { name: string; content: string }[] = [],
  ) {
    const parts = path.split("/").filter(Boolean);
    const api = parts[0] === "api" && parts[1] === "v10" ? parts.slice(2) : null;
    if (!api) return json(res, 404, { message: "404: Not Found", code: 0 });
    const [root, a, b, c, d] = api;

    if (method === "GET" && root === "gateway" && a === "bot") {
      return json(res, 200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === "POST" && root === "interactions" && c === "callback" && a && b) {
      return this.handleCallback(a, b, query, body, res, files);
    }
    if (root === "webhooks" && b) {
      return this.handleWebhook(method, b, c === "messages" ? d : undefined, body, res);
    }
    if (method === "POST" && root === "channels" && a && b === "messages" && !c) {
      const message = this.storedMessage(body, a);
      this.channelMessages.push(message);
      return json(res, 200, message);
    }
    if (method === "POST" && root === "channels" && a && b === "messages" && c && d === "threads") {
      const thread: Json = {
        id: snowflake(),
        type: 11,
        guild_id: this.guildId,
        parent_id: a,
        owner_id: this.botId,
        name: body.name,
        message_count: 0,
        member_count: 1,
        rate_limit_per_user: 0,
        flags: 0,
        thread_metadata: {
          archived: false,
          auto_archive_duration: body.auto_archive_duration ?? 1440,
          archive_timestamp: new Date().toISOString(),
          locked: false,
        },
        starter_message_id: c,
      };
      this.threads.push(thread);
      this.changed();
      return json(res, 201, thread);
    }
    if (method === "PATCH" && root === "channels" && a && b === "messages" && c) {
      const stored = this.channelMessages.findIndex((m) => m.id === c);
      if (stored === -1) return json(res, 404, { message: "Unknown Message", code: 10008 });
      const message = {
        ...this.channelMessages[stored],
        ...body,
        edited_timestamp: new Date().toISOString(),
      };
      this.channelMessages[stored] = message;
      this.messageEdits.push({ messageId: c, body });
      this.changed();
      return json(res, 200, message);
    }
    if (method === "DELETE" && root === "channels" && a && b === "messages" && c) {
      this.deletedMessageIds.push(c);
      this.changed();
      res.writeHead(204).end();
      return;
    }
    if (method === "DELETE" && root === "channels" && a && !b) {
      const thread = this.threads.find((t) => t.id === a);
      this.deletedChannelIds.push(a);
      this.changed();
      return json(res, 200, thread ?? { id: a, type: 0 });
    }
    if (method === "GET" && root === "applications" && a === this.appId) {
      const guildId = b === "guilds" && c ? c : null;
      const last = [...this.commandPuts].reverse().find((put) => put.guildId === guildId);
      return json(
        res,
        200,
        (last?.body ?? []).map((command) => ({ id: snowflake(), ...command })),
      );
    }
    if (method === "POST" && root === "channels" && b === "typing") {
      res.writeHead(204).end();
      return;
    }
    if (method === "PUT" && root === "applications" && a === this.appId) {
      const guildId = b === "guilds" && c ? c : null;
      const commands = (body as unknown as Json[]) ?? [];
      this.commandPuts.push({ guildId, body: commands });
      return json(
        res,
        200,
        commands.map((command) => ({
          id: snowflake(),
          application_id: this.appId,
          version: snowflake(),
          default_member_permissions: null,
          type: 1,
          ...(guildId ? { guild_id: guildId } : {}),
          ...command,
        })),
      );
    }
    json(res, 404, { message: "404: Not Found", code: 0 });
  }

  private handleCallback(
    interactionId: string,
    token: string,
    query: URLSearchParams,
    body: Json,
    res: ServerResponse,
    files: { name: string; content: string }[] = [],
  ) {
    const handle = this.handles.get(token);
    if (!handle || handle.id !== interactionId) {
      return json(res, 404, { message: "Unknown interaction", code: 10062 });
    }
    if (handle.responses.some((r) => r.kind !== "followUp" && r.kind !== "edit")) {
      return json(res, 400, { message: "Interaction has already been acknowledged.", code: 40060 });
    }
    const kinds: Record<number, ResponseKind> = {
      4: "reply",
      5: "defer",
      6: "deferUpdate",
      7: "update",
      8: "autocomplete",
      9: "modal",
    };
    const kind = kinds[body.type as number];
    if (!kind) return json(res, 400, { message: "Invalid callback type", code: 50035 });
    const data = (body.data as Json | undefined) ?? {};
    const ephemeral = ((data.flags as number | undefined) ?? 0) & EPHEMERAL;
    const message =
      kind === "reply" || kind === "update" || kind === "defer"
        ? this.storedMessage(data, handle.channelId)
        : undefined;
    handle.responses.push({
      kind,
      body: data,
      ephemeral: Boolean(ephemeral),
      message,
      ...(files.length > 0 ? { files } : {}),
    });
    this.changed();
    if (query.get("with_response") !== "true") {
      res.writeHead(204).end();
      return;
    }
    json(res, 200, {
      interaction: {
        id: interactionId,
        type: 2,
        activity_instance_id: null,
        response_message_id: message?.id ?? null,
        response_message_loading: kind === "defer",
        response_message_ephemeral: Boolean(ephemeral),
      },
      resource: { type: body.type, ...(message ? { message } : {}) },
    });
  }

  private handleWebhook(
    method: string,
    token: string,
    messageId: string | undefined,
    body: Json,
    res: ServerResponse,
  ) {
    const handle = this.handles.get(token);
    if (!handle) return json(res, 404, { message: "Unknown Webhook", code: 10015 });
    const original = handle.responses.find((r) => r.message)?.message;
    const channelId = handle.channelId;
    if (method === "GET" && messageId) {
      return original
        ? json(res, 200, original)
        : json(res, 404, { message: "Unknown Message", code: 10008 });
    }
    if (method === "DELETE" && messageId) {
      handle.responses.push({ kind: "delete", body: {}, ephemeral: false });
      this.changed();
      res.writeHead(204).end();
      return;
    }
    const flags = ((body.flags as number | undefined) ?? 0) & EPHEMERAL;
    if (method === "PATCH" && messageId) {
      const deferredEphemeral =
        handle.responses.find((r) => r.kind === "defer")?.ephemeral ?? false;
      const message = { ...(original ?? this.storedMessage({}, channelId)), ...body };
      handle.responses.push({ kind: "edit", body, ephemeral: deferredEphemeral, message });
      this.changed();
      return json(res, 200, message);
    }
    if (method === "POST" && !messageId) {
      const message = this.storedMessage(body, channelId);
      handle.responses.push({ kind: "followUp", body, ephemeral: Boolean(flags), message });
      this.changed();
      return json(res, 200, message);
    }
    json(res, 404, { message: "404: Not Found", code: 0 });
  }

  /** A message the bot created, as Discord stores it. */
  private storedMessage(body: Json, channelId: string): Json {
    return messageObject(user(this.botId, "factdesk", true), channelId, body);
  }
}
