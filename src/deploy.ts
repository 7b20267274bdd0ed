import { REST, Routes } from "discord.js";
import { z } from "zod";
import { commands } from "../commands/index.js";
import { exitWith, loadConfigOrExit, reasonOf } from "./bot/startup.js";

/** What Discord answers to a bulk PUT: the registered commands. */
const Registered = z.array(z.object({ id: z.string(), name: z.string() }));

const config = loadConfigOrExit({ offlineHint: false });
const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);

const guildId = config.DISCORD_GUILD_ID;
const route = guildId
  ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID, guildId)
  : Routes.applicationCommands(config.DISCORD_CLIENT_ID);
const where = guildId ? `in guild ${guildId}` : "globally";

try {
  const response = await rest.put(route, {
    body: commands.map((command) => command.data.toJSON()),
  });
  const registered = Registered.parse(response);
  console.log(`Registered ${registered.length} commands ${where}:`);
  for (const command of registered) console.log(`  /${command.name}  (id ${command.id})`);
} catch (error) {
  exitWith([`could not register commands ${where}: ${reasonOf(error)}`]);
}
