import { DiscordAPIError, RESTJSONErrorCodes } from "discord.js";

/**
 * Errors that mean "too late" or "already gone", not "broken": the user waited past the deadline,
 * clicked twice, or deleted the message. Logging them as errors would only bury real failures.
 */
const harmlessCodes = new Set<number | string>([
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
  RESTJSONErrorCodes.UnknownMessage,
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
]);

export function isHarmlessDiscordError(error: unknown): error is DiscordAPIError {
  return error instanceof DiscordAPIError && harmlessCodes.has(error.code);
}
