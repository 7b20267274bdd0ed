import { loadCommands } from "../src/bot/loadCommands.js";
import ask from "./ask.js";
import config from "./config.js";
import figures from "./figures.js";
import { createHelpCommand } from "./help.js";
import paragraph from "./paragraph.js";
import report from "./report.js";
import search from "./search.js";
import type { Command } from "./types.js";

/** Add a command module here; /help, the bot and `npm run deploy-commands` all read this list. */
const modules: Command[] = [ask, figures, paragraph, search, report, config];

export const commands = loadCommands([...modules, createHelpCommand(modules)]);
