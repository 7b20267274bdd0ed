import { z } from "zod";
import type { AnyCommand } from "../../commands/types.js";

const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === "function", {
  message: "must be a function",
});

const SlashModule = z.object({
  kind: z.undefined().optional(),
  data: z.object({
    name: z
      .string()
      .regex(/^[-_\p{Ll}\p{N}]{1,32}$/u, "must be 1–32 lowercase letters, digits, - or _"),
    toJSON: fn,
  }),
  execute: fn,
  autocomplete: fn.optional(),
});

/** Context-menu names are shown as they are: capitals and spaces are allowed. */
const MessageModule = z.object({
  kind: z.literal("message"),
  data: z.object({ name: z.string().trim().min(1).max(32), toJSON: fn }),
  execute: fn,
});

/** The schema for the module's own kind, so a problem is reported field by field. */
function schemaFor(module: unknown) {
  const kind = (module as { kind?: unknown } | null)?.kind;
  return kind === "message" ? MessageModule : SlashModule;
}

/** Checks every command module's shape once at start-up, so a broken module fails before any interaction. */
export function loadCommands(modules: readonly AnyCommand[]): readonly AnyCommand[] {
  const seen = new Set<string>();
  modules.forEach((module, position) => {
    const parsed = schemaFor(module).safeParse(module);
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
