import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { FactTable } from "../../src/facts/schema.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "factdesk-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The ask CLI exactly as `npm run --silent ask -- …` runs it. */
function ask(args: string[], input = "") {
  const result = spawnSync(join(repo, "node_modules/.bin/tsx"), ["src/cli.ts", ...args], {
    cwd: repo,
    input,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const JsonAnswer = z
  .object({
    question: z.string(),
    status: z.enum(["answered", "not_found"]),
    text: z.string(),
    citations: z.array(z.number().int()),
    confidence: z.number().min(0).max(1),
    facts: z.array(
      z
        .object({
          value: z.number(),
          unit: z.string().nullable(),
          base: z.object({ value: z.number(), unit: z.string() }).nullable(),
          paragraph: z.number().int(),
          quote: z.string(),
        })
        .strict(),
    ),
    suggestions: z.array(z.string()),
    /** Added in session 7, only to comparisons and superlatives: the one optional addition. */
    contest: z
      .object({
        kind: z.enum(["comparison", "superlative"]),
        winner: z.string().nullable(),
        options: z.array(
          z
            .object({
              name: z.string(),
              value: z.number().nullable(),
              unit: z.string().nullable(),
              paragraph: z.number().int().nullable(),
            })
            .strict(),
        ),
      })
      .strict()
      .optional(),
  })
  .strict();

function writeReport(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const REPORT = `Border police report, 3 May.

Police seized 2.5 tons of heroin in Yunnan and arrested 1,204 suspects.

Officers in Guangxi seized 640 kilograms of methamphetamine.`;

describe("npm run ask -- --json (batch contract)", () => {
  it("answers every stdin line in order, one JSON object per line", () => {
    const report = writeReport("batch.txt", REPORT);
    const questions = ["How much heroin did Yunnan seize?", "", "How many arrests in Tibet?"];
    const { status, stdout } = ask(["--json", "--report", report], questions.join("\n"));
    expect(status).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((line) => JsonAnswer.parse(JSON.parse(line)));
    expect(lines.map((line) => line.question)).toEqual(questions);
    const [heroin, empty, tibet] = lines;
    expect(heroin?.status).toBe("answered");
    expect(heroin?.facts[0]).toMatchObject({
      value: 2.5,
      unit: "t",
      base: { value: 2500, unit: "kg" },
    });
    expect(heroin?.citations).toEqual([2]);
    expect(empty?.status).toBe("not_found");
    expect(tibet).toMatchObject({ status: "not_found", facts: [] });
    expect(tibet?.text).toContain("Tibet");
  });

  it("answers a single question given as an argument", () => {
    const report = writeReport("single.txt", REPORT);
    const { status, stdout } = ask([
      "--json",
      "--report",
      report,
      "How much meth did Guangxi seize?",
    ]);
    expect(status).toBe(0);
    const parsed = JsonAnswer.parse(JSON.parse(stdout));
    expect(parsed.facts[0]).toMatchObject({ value: 640, unit: "kg", paragraph: 3 });
  });

  it("adds a comparison's winner and options, its text as before", () => {
    const report = writeReport("contest.txt", REPORT);
    const question = "Which seized more drugs, Yunnan or Guangxi?";
    const { status, stdout } = ask(["--json", "--report", report, question]);
    expect(status).toBe(0);
    const parsed = JsonAnswer.parse(JSON.parse(stdout));
    expect(parsed.text.startsWith("**Yunnan** — ")).toBe(true);
    expect(parsed.contest?.winner).toBe("Yunnan");
    expect(parsed.contest?.options.map((option) => [option.name, option.paragraph])).toEqual([
      ["Yunnan", 2],
      ["Guangxi", 3],
    ]);
  });

  it("prints the fact table as JSON that passes the schema", () => {
    const report = writeReport("facts.txt", REPORT);
    const { status, stdout } = ask(["--facts", "--json", "--report", report]);
    expect(status).toBe(0);
    const table = FactTable.parse(JSON.parse(stdout));
    expect(table.facts.map((fact) => fact.value)).toEqual([2.5, 1204, 640]);
  });
});

describe("npm run ask with an unusable report", () => {
  const cases: [string, string | Buffer, string][] = [
    ["empty.txt", "", "file is empty"],
    ["binary.txt", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]), "binary"],
    ["latin1.txt", Buffer.from("Police seized 12 tons in Cura\xe7ao.", "latin1"), "not UTF-8"],
    ["words.txt", "A report with words.\n\nAnd no numbers at all.", "no figures found"],
  ];
  it.each(cases)("%s exits 2 with one line saying why", (name, content, reason) => {
    const { status, stdout, stderr } = ask(["--json", "--report", writeReport(name, content), "q"]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(reason);
  });

  it("a missing file exits 2 naming the file", () => {
    const missing = join(dir, "nowhere.txt");
    const { status, stderr } = ask(["--report", missing, "q"]);
    expect(status).toBe(2);
    expect(stderr.trim()).toBe(`factdesk: ${missing}: no such file`);
  });
});

/** The CLI run inside a pseudo-terminal (util-linux `script`), as a person at a terminal runs it. */
function atTerminal(args: string[]) {
  const command = ["node_modules/.bin/tsx", "src/cli.ts", ...args]
    .map((arg) => `'${arg.replace(/'/g, "'\\''")}'`)
    .join(" ");
  const result = spawnSync("script", ["-qec", command, "/dev/null"], {
    cwd: repo,
    input: "",
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", TERM: "dumb" },
    timeout: 30_000,
  });
  return { status: result.status, output: result.stdout };
}

describe("npm run ask and npm run chat for a person", () => {
  const report = () => writeReport("people.txt", REPORT);

  it("prints plain text when piped: no raw ** or > from the Markdown", () => {
    const { status, stdout } = ask(["--report", report(), "How much heroin was seized?"]);
    expect(status).toBe(0);
    expect(stdout).toContain("2.5 tons");
    expect(stdout).not.toMatch(/\*\*|^> /m);
    expect(stdout).not.toContain("\u001b[");
  });

  it("prints bold with ANSI codes at a terminal", () => {
    const { output } = atTerminal(["--report", report(), "How much heroin was seized?"]);
    expect(output).toContain("\u001b[1m");
    expect(output).not.toContain("**");
  });

  it("prints usage at a terminal when there is no question, instead of waiting on stdin", () => {
    const { status, output } = atTerminal(["--report", report()]);
    expect(output).toContain("usage: npm run ask");
    expect(status).toBe(2);
  });

  it("chat shows a prompt, echoes each question, and leaves a blank line between answers", () => {
    const { status, stdout } = ask(
      ["chat", "--report", report()],
      "How much heroin was seized?\nhow many suspects were arrested?\n",
    );
    expect(status).toBe(0);
    const [banner, ...rest] = stdout.split("\n");
    expect(banner).toMatch(/^factdesk: \d+ paragraphs, \d+ figures/);
    const transcript = rest.join("\n");
    expect(transcript).toMatch(/^\? How much heroin was seized\?\n.*2\.5 tons/m);
    expect(transcript).toMatch(/\n\n\? how many suspects were arrested\?\n.*1,204/);
    expect(transcript).not.toMatch(/\*\*|^> /m);
  });
});
