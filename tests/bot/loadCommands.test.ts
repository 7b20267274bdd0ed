import { SlashCommandBuilder } from "discord.js";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { type Command, isMessageCommand } from "../../commands/types.js";
import { loadCommands } from "../../src/bot/loadCommands.js";
import { registrationBody } from "../../src/bot/registration.js";

const valid: Command = {
  data: new SlashCommandBuilder().setName("valid").setDescription("a valid command"),
  execute: async () => {},
};

function byNameOf(name: string) {
  const command = commands.find((c) => c.data.name === name);
  return command && !isMessageCommand(command) ? command.data.toJSON() : undefined;
}

describe("loadCommands", () => {
  it("registers the commands the issue names, each with its option", () => {
    const slash = commands.filter((c) => !isMessageCommand(c)) as Command[];
    const byName = new Map(slash.map((c) => [c.data.name, c.data.toJSON()]));
    const optionNames = (name: string) => byName.get(name)?.options?.map((o) => o.name);
    expect(optionNames("ask")).toEqual(["question", "private"]);
    expect(optionNames("figures")).toEqual(["place"]);
    expect(optionNames("paragraph")).toEqual(["number"]);
    expect(optionNames("search")).toEqual(["text"]);
    expect(byName.has("help")).toBe(true);
    expect(commands.filter(isMessageCommand).map((c) => c.data.name)).toEqual(["Ask factdesk"]);
  });

  it("says where every command works: members' commands in DMs too, /report and /config only in servers", () => {
    for (const body of registrationBody(commands)) {
      expect(body.contexts, body.name).toBeDefined();
      expect(body.integration_types, body.name).toBeDefined();
      const inDMs = body.contexts?.includes(1) ?? false;
      expect(inDMs, body.name).toBe(!["report", "config"].includes(body.name));
    }
  });

  it("registers a zh-CN name and description for every command and option", () => {
    type Described = {
      name: string;
      type?: number;
      description?: string;
      name_localizations?: Record<string, string> | null;
      description_localizations?: Record<string, string> | null;
      options?: Described[];
    };
    const missing: string[] = [];
    const check = (item: Described, path: string, described: boolean) => {
      if (!item.name_localizations?.["zh-CN"]) missing.push(`${path} name`);
      if (described && !item.description_localizations?.["zh-CN"])
        missing.push(`${path} description`);
      for (const option of item.options ?? []) check(option, `${path} ${option.name}`, true);
    };
    for (const body of registrationBody(commands) as Described[]) {
      // Context-menu commands have a name and no description.
      check(body, body.name, body.type === undefined || body.type === 1);
    }
    expect(missing).toEqual([]);
  });

  it("sets a minimum length on /search and autocompletes /paragraph", () => {
    const search = byNameOf("search")?.options?.[0];
    expect(search && "min_length" in search ? search.min_length : undefined).toBeGreaterThan(0);
    const paragraph = byNameOf("paragraph")?.options?.[0];
    expect(paragraph && "autocomplete" in paragraph ? paragraph.autocomplete : false).toBe(true);
  });

  it("fails fast on a module without execute", () => {
    const broken = { data: valid.data } as unknown as Command;
    expect(() => loadCommands([valid, broken])).toThrow(/#2 is malformed: execute/);
  });

  it("fails fast on two modules with the same name", () => {
    expect(() => loadCommands([valid, valid])).toThrow(/two command modules are named "valid"/);
  });
});
