import { parseArgs } from "node:util";
import { REST, Routes } from "discord.js";
import { z } from "zod";
import { commands } from "../commands/index.js";
import { describeDiff, diffCommands } from "./bot/commandDiff.js";
import { registrationBody } from "./bot/registration.js";
import { exitWith, loadConfigOrExit, reasonOf } from "./bot/startup.js";

/** What Discord answers to a GET or bulk PUT of commands. */
const Registered = z.array(
  z.looseObject({ id: z.string(), name: z.string(), type: z.number().optional() }),
);

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { clear: { type: "boolean", default: false } },
});

const config = loadConfigOrExit({ offlineHint: false });
const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);

const guildId = config.DISCORD_GUILD_ID;
const globalRoute = Routes.applicationCommands(config.DISCORD_CLIENT_ID);
const route = guildId
  ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID, guildId)
  : globalRoute;
const where = guildId ? `in guild ${guildId}` : "globally";
const wanted = values.clear ? [] : registrationBody(commands);

try {
  const before = Registered.parse(await rest.get(route));
  const diff = diffCommands(before, wanted as { name: string }[]);
  console.log(`${values.clear ? "Clearing" : "Registering"} commands ${where}:`);
  for (const line of describeDiff(diff)) console.log(line);

  const registered = Registered.parse(await rest.put(route, { body: wanted }));
  console.log(`Registered ${registered.length} commands ${where}.`);
  for (const command of registered) console.log(`  ${command.name}  (id ${command.id})`);

  if (guildId && !values.clear) {
    const global = Registered.parse(await rest.get(globalRoute));
    if (global.length > 0) {
      console.warn(
        `warning: ${global.length} global commands (${global.map((c) => c.name).join(", ")}) also show in this guild, so members see each twice. ` +
          "Remove them with: DISCORD_GUILD_ID= npm run deploy-commands -- --clear",
      );
    }
  }
} catch (error) {
  exitWith([`could not register commands ${where}: ${reasonOf(error)}`]);
}
