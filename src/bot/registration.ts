import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import zhCN from "../../commands/locales/zh-CN.json" with { type: "json" };
import type { AnyCommand } from "../../commands/types.js";

/** Members' commands work in servers, in DMs with the bot and, once user-installed, anywhere. */
export const MEMBER_CONTEXTS = [
  InteractionContextType.Guild,
  InteractionContextType.BotDM,
  InteractionContextType.PrivateChannel,
];
export const MEMBER_INSTALLS = [
  ApplicationIntegrationType.GuildInstall,
  ApplicationIntegrationType.UserInstall,
];

interface Localised {
  name: string;
  description?: string;
  options?: Record<string, Localised>;
}
const Localised: z.ZodType<Localised> = z.lazy(() =>
  z.object({
    name: z.string().min(1).max(32),
    description: z.string().min(1).max(100).optional(),
    options: z.record(z.string(), Localised).optional(),
  }),
);
/** The zh-CN names and descriptions, keyed by the English command and option names. */
const ZH_CN = z.record(z.string(), Localised).parse(zhCN);

interface Describable {
  name: string;
  description?: string;
  options?: Describable[];
  name_localizations?: Record<string, string> | null;
  description_localizations?: Record<string, string> | null;
}

function localise<T extends Describable>(json: T, text: Localised | undefined): T {
  if (!text) return json;
  const options = json.options?.map((option) => localise(option, text.options?.[option.name]));
  return {
    ...json,
    name_localizations: { ...json.name_localizations, "zh-CN": text.name },
    ...(text.description
      ? {
          description_localizations: {
            ...json.description_localizations,
            "zh-CN": text.description,
          },
        }
      : {}),
    ...(options ? { options } : {}),
  };
}

/** What `npm run deploy-commands` registers: each command's JSON with its translations. */
export function registrationBody(
  commands: readonly AnyCommand[],
): RESTPostAPIApplicationCommandsJSONBody[] {
  return commands.map(
    (command) =>
      localise(
        command.data.toJSON() as Describable,
        ZH_CN[command.data.name],
      ) as RESTPostAPIApplicationCommandsJSONBody,
  );
}
