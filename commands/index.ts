import { loadCommands } from "../src/bot/loadCommands.js";
import ask from "./ask.js";
import askMessage from "./askMessage.js";
import config from "./config.js";
import figures from "./figures.js";
import { createHelpCommand } from "./help.js";
import paragraph from "./paragraph.js";
import report from "./report.js";
import search from "./search.js";
import type { AnyCommand } from "./types.js";

/** Add a command module here; /help, the bot and `npm run deploy-commands` all read this list. */
const modules: AnyCommand[] = [ask, figures, paragraph, search, askMessage, report, config];

export const commands = loadCommands([...modules, createHelpCommand(modules)]);
