import { z } from "zod";
import type { Command } from "../../commands/types.js";

const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === "function", {
  message: "must be a function",
});

const CommandModule = z.object({
  data: z.object({
    name: z
      .string()
      .regex(/^[-_\p{Ll}\p{N}]{1,32}$/u, "must be 1–32 lowercase letters, digits, - or _"),
    toJSON: fn,
  }),
  execute: fn,
  autocomplete: fn.optional(),
  cooldown: z.boolean().optional(),
});

/** Checks every command module's shape once at start-up, so a broken module fails before any interaction. */
export function loadCommands(modules: readonly Command[]): readonly Command[] {
  const seen = new Set<string>();
  modules.forEach((module, position) => {
    const parsed = CommandModule.safeParse(module);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
      throw new Error(
        `factdesk: command module #${position + 1} is malformed: ${problems.join("; ")}`,
      );
    }
    if (seen.has(module.data.name)) {
      throw new Error(`factdesk: two command modules are named "${module.data.name}"`);
    }
    seen.add(module.data.name);
  });
  return modules;
}
