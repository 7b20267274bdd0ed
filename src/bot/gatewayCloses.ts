/**
 * Gateway close codes after which discord.js will not reconnect: the bot cannot work until the
 * operator changes something, so each says what to change.
 */
const FATAL_CLOSES = new Map<number, string>([
  [
    4004,
    "Discord refused the bot token (gateway close 4004, authentication failed): put the bot's current token from the developer portal (Bot → Reset Token) in DISCORD_TOKEN",
  ],
  [
    4010,
    "Discord refused the shard settings (gateway close 4010, invalid shard): remove any shard options from the environment",
  ],
  [
    4011,
    "Discord requires sharding for this bot (gateway close 4011): it is in too many servers for one connection, which factdesk does not support",
  ],
  [
    4012,
    "Discord refused the gateway API version (gateway close 4012): upgrade factdesk to get a current discord.js",
  ],
  [
    4013,
    "Discord refused the requested intents as invalid (gateway close 4013): this is a factdesk bug; please report it",
  ],
  [
    4014,
    "Discord refused a privileged intent (gateway close 4014, disallowed intents): turn on developer portal → Bot → Privileged Gateway Intents → Message Content Intent, or set CHAT=off to run without chat questions",
  ],
]);

/** The operator's line for a fatal close code, or null when discord.js reconnects by itself. */
export function fatalCloseLine(code: number): string | null {
  return FATAL_CLOSES.get(code) ?? null;
}
