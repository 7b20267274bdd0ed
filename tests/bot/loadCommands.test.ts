import { SlashCommandBuilder } from "discord.js";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import type { Command } from "../../commands/types.js";
import { loadCommands } from "../../src/bot/loadCommands.js";

const valid: Command = {
  data: new SlashCommandBuilder().setName("valid").setDescription("a valid command"),
  execute: async () => {},
};

describe("loadCommands", () => {
  it("registers the commands the issue names, each with its option", () => {
    const byName = new Map(commands.map((c) => [c.data.name, c.data.toJSON()]));
    const optionNames = (name: string) => byName.get(name)?.options?.map((o) => o.name);
    expect(optionNames("ask")).toEqual(["question"]);
    expect(optionNames("figures")).toEqual(["place"]);
    expect(optionNames("paragraph")).toEqual(["number"]);
    expect(optionNames("search")).toEqual(["text"]);
    expect(byName.has("help")).toBe(true);
  });

  it("fails fast on a module without execute", () => {
    const broken = { data: valid.data } as unknown as Command;
    expect(() => loadCommands([valid, broken])).toThrow(/#2 is malformed: execute/);
  });

  it("fails fast on two modules with the same name", () => {
    expect(() => loadCommands([valid, valid])).toThrow(/two command modules are named "valid"/);
  });
});
