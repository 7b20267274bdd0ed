import { type Client, Routes } from "discord.js";
import type { Logger } from "pino";
import { truncate } from "./embedLimits.js";
import { colors } from "./replies.js";

const MAX_DESCRIPTION = 4000;

/**
 * A public message in the server's mod-log channel: who did what, and the diff. Best effort: a
 * missing channel or permission is logged, and the change it reports stands.
 */
export async function announce(
  client: Client,
  channelId: string | null,
  text: string,
  logger: Logger,
): Promise<void> {
  if (!channelId) return;
  try {
    await client.rest.post(Routes.channelMessages(channelId), {
      body: {
        embeds: [
          {
            author: { name: "factdesk mod-log" },
            description: truncate(text, MAX_DESCRIPTION),
            color: colors.info,
            timestamp: new Date().toISOString(),
          },
        ],
        allowed_mentions: { parse: [] },
      },
    });
  } catch (error) {
    logger.warn({ err: error, channelId }, "could not post to the mod-log channel");
  }
}
