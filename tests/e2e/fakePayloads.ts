/** Gateway and REST payload shapes for the fake Discord: what discord.js 14 needs, and no more. */
export type Json = Record<string, unknown>;

export interface FakeAttachment {
  id: string;
  filename: string;
  url: string;
  proxy_url: string;
  size: number;
  content_type: string;
}

/** string → STRING, integer → INTEGER, other number → NUMBER, boolean → BOOLEAN, attachment → ATTACHMENT, or a raw option. */
export type OptionValue = string | number | boolean | FakeAttachment | Json;

export const EPHEMERAL = 64;
/** What an ordinary member may do in a text channel (view, send, embed, read history…). */
export const MEMBER_PERMISSIONS = "377957186624";
const ALL_PERMISSIONS = "2251799813685247";
const EPOCH = new Date(0).toISOString();

let snowflakeCounter = 0n;
/** Increasing, 19-digit ids that discord.js can turn into timestamps. */
export function snowflake(): string {
  snowflakeCounter += 1n;
  return String(1_300_000_000_000_000_000n + snowflakeCounter);
}

export function user(id: string, username: string, bot = false): Json {
  return { id, username, discriminator: "0", global_name: username, avatar: null, bot };
}

export function member(fields: Json = {}): Json {
  return { roles: [], joined_at: EPOCH, deaf: false, mute: false, flags: 0, ...fields };
}

/** A message object as Discord returns it; `fields` (the bot's request body, say) win. */
export function messageObject(author: Json, channelId: string, fields: Json): Json {
  return {
    id: snowflake(),
    channel_id: channelId,
    author,
    content: "",
    embeds: [],
    components: [],
    attachments: [],
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    type: fields.message_reference ? 19 : 0,
    flags: 0,
    ...fields,
  };
}

export function readyPayload(options: {
  botUser: Json;
  appId: string;
  guildId: string;
  gatewayUrl: string;
  sessionId: string;
}): Json {
  return {
    v: 10,
    user: { ...options.botUser, verified: true, flags: 0, mfa_enabled: false },
    guilds: [{ id: options.guildId, unavailable: true }],
    session_id: options.sessionId,
    resume_gateway_url: options.gatewayUrl,
    application: { id: options.appId, flags: 0 },
    private_channels: [],
  };
}

export interface RoleSpec {
  id: string;
  name: string;
  permissions: bigint | string;
}

export function guildCreatePayload(options: {
  guildId: string;
  botUser: Json;
  channels: { id: string; name: string }[];
  roles: RoleSpec[];
}): Json {
  const everyone = { id: options.guildId, name: "@everyone", permissions: MEMBER_PERMISSIONS };
  return {
    id: options.guildId,
    name: "Fake Guild",
    icon: null,
    owner_id: snowflake(),
    unavailable: false,
    member_count: 2,
    large: false,
    features: [],
    emojis: [],
    stickers: [],
    roles: [everyone, ...options.roles].map((role, position) => ({
      color: 0,
      hoist: false,
      managed: false,
      mentionable: false,
      flags: 0,
      position,
      ...role,
      permissions: String(role.permissions),
    })),
    channels: options.channels.map((channel, position) => ({
      ...channel,
      type: 0,
      position,
      guild_id: options.guildId,
      permission_overwrites: [],
    })),
    members: [member({ user: options.botUser, permissions: ALL_PERMISSIONS })],
    voice_states: [],
    presences: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    joined_at: EPOCH,
  };
}

export function interactionPayload(options: {
  id: string;
  token: string;
  appId: string;
  type: number;
  data: Json;
  author: Json;
  /** null for a DM. */
  guildId: string | null;
  channelId: string;
  roles?: string[];
  permissions?: bigint | string;
  message?: Json;
}): Json {
  const { guildId, channelId, author } = options;
  const payload: Json = {
    id: options.id,
    application_id: options.appId,
    type: options.type,
    token: options.token,
    version: 1,
    data: options.data,
    channel_id: channelId,
    channel: guildId
      ? { id: channelId, type: 0, guild_id: guildId, name: "general", permission_overwrites: [] }
      : { id: channelId, type: 1, recipients: [author] },
    locale: "en-US",
    app_permissions: MEMBER_PERMISSIONS,
    // Without these two, discord.js throws inside its own code and never emits the interaction.
    entitlements: [],
    authorizing_integration_owners: {},
    context: guildId ? 0 : 1,
    attachment_size_limit: 10_485_760,
  };
  if (guildId) {
    payload.guild_id = guildId;
    payload.guild_locale = "en-US";
    payload.member = member({
      user: author,
      roles: options.roles ?? [],
      permissions: String(options.permissions ?? MEMBER_PERMISSIONS),
    });
  } else {
    payload.user = author;
  }
  if (options.message) payload.message = options.message;
  return payload;
}

/** Slash command options with inferred types, plus the attachments to list under `resolved`. */
export function commandOptions(
  options: Record<string, OptionValue>,
  focused: string | null,
): { list: Json[]; attachments: FakeAttachment[] } {
  const attachments: FakeAttachment[] = [];
  const typed = (name: string, value: OptionValue): Json => {
    if (typeof value === "string") return { name, type: 3, value };
    if (typeof value === "boolean") return { name, type: 5, value };
    if (typeof value === "number") return { name, type: Number.isInteger(value) ? 4 : 10, value };
    if ("url" in value && "filename" in value) {
      attachments.push(value as FakeAttachment);
      return { name, type: 11, value: value.id };
    }
    return { name, ...value };
  };
  const list = Object.entries(options).map(([name, value]) =>
    name === focused ? { ...typed(name, value), focused: true } : typed(name, value),
  );
  return { list, attachments };
}
