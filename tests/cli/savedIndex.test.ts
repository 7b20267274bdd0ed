import { spawn } from "node:child_process";
import { once } from "node:events";
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadReportFile } from "../../src/cli/loadReport.js";
import { readSavedIndex, type SavedIndexes, saveIndex } from "../../src/cli/savedIndex.js";
import { answer, reply } from "../../src/qa/answer.js";
import { buildReportIndex, type ReportIndex } from "../../src/qa/reportIndex.js";
import { GOLDEN_DIR, loadGoldenSet, readReportText } from "../golden/goldenSet.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const root = mkdtempSync(join(tmpdir(), "factdesk-saved-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dirs = 0;
function savedIn(engine = "engine-a", maxFiles?: number): SavedIndexes {
  dirs += 1;
  return { dir: join(root, `saved-${dirs}`), engine, ...(maxFiles ? { maxFiles } : {}) };
}

const REPORT = `Harbour police annual summary, 2 March.

Officers seized 310 kilograms of cannabis at Port Elwyn and arrested 47 suspects.

The coastguard in Marrowby intercepted 12 boats carrying 1.4 tons of cocaine.`;
const META = { name: "harbour.txt", version: null };
const bytesOf = (text: string) => Buffer.from(text, "utf8");
const build = (text: string) => buildReportIndex(text, META);

/** The one file a directory holds. */
function onlyFile(saved: SavedIndexes): string {
  const names = readdirSync(saved.dir);
  expect(names).toHaveLength(1);
  return join(saved.dir, names[0] ?? "");
}

/** Everything an index answers with that the data decides: its table and a few answers. */
function answersOf(index: ReportIndex, questions: string[]) {
  return questions.map((q) => answer(q, index));
}

const QUESTIONS = [
  "How much cannabis was seized?",
  "how many boats in marrowby",
  "How many suspects were arrested at Port Elwyn?",
  "what is the weather",
];

describe("the CLI's saved index", () => {
  it("reads back an index that answers exactly as the one it was saved from", () => {
    const saved = savedIn();
    const built = build(REPORT);
    saveIndex(saved, bytesOf(REPORT), built);
    const read = readSavedIndex(saved, bytesOf(REPORT), META);
    expect(read).not.toBeNull();
    expect(read?.table).toEqual(built.table);
    expect(answersOf(read as ReportIndex, QUESTIONS)).toEqual(answersOf(built, QUESTIONS));
  });

  it("answers every seed golden question as a fresh build does, follow-ups included", () => {
    const set = loadGoldenSet(join(GOLDEN_DIR, "seed.json"));
    const text = readReportText(set);
    const saved = savedIn();
    const built = build(text);
    saveIndex(saved, bytesOf(text), built);
    const read = readSavedIndex(saved, bytesOf(text), META) as ReportIndex;
    expect(read).not.toBeNull();
    const ask = (index: ReportIndex) =>
      set.questions.map((q) =>
        answer(q.q, index, { previous: q.after ? reply(q.after, index).query : null }),
      );
    expect(ask(read)).toEqual(ask(built));
  });

  it("takes the meta of the file it is read for, not of the one it was saved from", () => {
    const saved = savedIn();
    saveIndex(saved, bytesOf(REPORT), build(REPORT));
    const read = readSavedIndex(saved, bytesOf(REPORT), { name: "copy.txt", version: null });
    expect(read?.meta).toEqual({ name: "copy.txt", version: null });
  });

  it("is not read by another engine build, nor for other report bytes", () => {
    const saved = savedIn("engine-a");
    saveIndex(saved, bytesOf(REPORT), build(REPORT));
    expect(readSavedIndex({ ...saved, engine: "engine-b" }, bytesOf(REPORT), META)).toBeNull();
    expect(readSavedIndex(saved, bytesOf(`${REPORT}\n`), META)).toBeNull();
  });

  it("is not read when its header names another report than its file name", () => {
    const saved = savedIn();
    const other = `${REPORT}\n\nCustoms seized 9 kilograms of heroin.`;
    saveIndex(saved, bytesOf(other), build(other));
    const otherFile = onlyFile(saved);
    saveIndex(saved, bytesOf(REPORT), build(REPORT));
    const reportFile = readdirSync(saved.dir)
      .map((name) => join(saved.dir, name))
      .find((path) => path !== otherFile) as string;
    writeFileSync(reportFile, readFileSync(otherFile));
    expect(readSavedIndex(saved, bytesOf(REPORT), META)).toBeNull();
  });

  it.each([
    ["truncated", (file: Buffer) => file.subarray(0, Math.floor(file.length / 2))],
    ["empty", () => Buffer.alloc(0)],
    ["a flipped byte in the index", (file: Buffer) => flip(file, file.length - 100)],
    ["a flipped byte in the header", (file: Buffer) => flip(file, 10)],
    ["not one at all", () => Buffer.from("{ not an index }")],
    ["a header length past its end", (file: Buffer) => withLength(file, file.length * 2)],
  ])("is ignored when %s, and never throws", (_, damage) => {
    const saved = savedIn();
    saveIndex(saved, bytesOf(REPORT), build(REPORT));
    const file = onlyFile(saved);
    writeFileSync(file, damage(readFileSync(file)));
    expect(readSavedIndex(saved, bytesOf(REPORT), META)).toBeNull();
  });

  it("is ignored when its header is of another shape", () => {
    const saved = savedIn();
    saveIndex(saved, bytesOf(REPORT), build(REPORT));
    const file = onlyFile(saved);
    const header = Buffer.from(JSON.stringify({ format: 99, engine: "engine-a" }));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length, 0);
    writeFileSync(file, Buffer.concat([length, header]));
    expect(readSavedIndex(saved, bytesOf(REPORT), META)).toBeNull();
  });

  it("is rebuilt and saved again by the CLI's loader when it is corrupt", async () => {
    const saved = savedIn();
    const path = join(root, "report.txt");
    writeFileSync(path, REPORT);
    await loadReportFile(path, 1 << 20, saved);
    const file = onlyFile(saved);
    writeFileSync(file, flip(readFileSync(file), 200));
    expect(readSavedIndex(saved, bytesOf(REPORT), META)).toBeNull();
    const index = await loadReportFile(path, 1 << 20, saved);
    expect(answersOf(index, QUESTIONS)).toEqual(answersOf(build(REPORT), QUESTIONS));
    expect(readSavedIndex(saved, bytesOf(REPORT), META)).not.toBeNull();
  });

  it("keeps at most maxFiles reports, the least recently saved going first", () => {
    const saved = savedIn("engine-a", 2);
    const texts = [1, 2, 3].map((n) => `${REPORT}\n\nCustoms seized ${n} kilograms of heroin.`);
    const nowS = Date.now() / 1000;
    texts.forEach((text, i) => {
      saveIndex(saved, bytesOf(text), build(text));
      // Dated in the past, oldest first, so that the order does not rest on the clock's resolution.
      for (const name of readdirSync(saved.dir)) {
        const path = join(saved.dir, name);
        if (statSync(path).mtimeMs / 1000 > nowS - 1)
          utimesSync(path, nowS - 30 + i, nowS - 30 + i);
      }
    });
    expect(readdirSync(saved.dir)).toHaveLength(2);
    expect(readSavedIndex(saved, bytesOf(texts[0] ?? ""), META)).toBeNull();
    expect(readSavedIndex(saved, bytesOf(texts[1] ?? ""), META)).not.toBeNull();
    expect(readSavedIndex(saved, bytesOf(texts[2] ?? ""), META)).not.toBeNull();
  });

  it("is skipped without an error where its directory cannot be made", () => {
    const blocker = join(root, "a-file");
    writeFileSync(blocker, "");
    const saved = { dir: join(blocker, "index"), engine: "engine-a" };
    expect(() => saveIndex(saved, bytesOf(REPORT), build(REPORT))).not.toThrow();
    expect(readSavedIndex(saved, bytesOf(REPORT), META)).toBeNull();
  });

  it("stays whole while several processes save it at once and others read it", async () => {
    const saved = savedIn();
    const reportFile = join(root, "concurrent.txt");
    writeFileSync(reportFile, REPORT);
    const writers = Array.from({ length: 4 }, () =>
      spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          "tests/cli/savedIndexWriter.ts",
          saved.dir,
          saved.engine,
          reportFile,
          "25",
        ],
        { cwd: repo, stdio: ["ignore", "ignore", "pipe"] },
      ),
    );
    const exits = writers.map((writer) => once(writer, "exit"));
    let done = false;
    const all = Promise.all(exits).then((codes) => {
      done = true;
      return codes.map(([code]) => code);
    });
    const expected = answersOf(build(REPORT), QUESTIONS);
    while (!done) {
      // Each read finds no file yet or a whole one, never half of one.
      const read = readSavedIndex(saved, bytesOf(REPORT), META);
      if (read) expect(answersOf(read, QUESTIONS)).toEqual(expected);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await all).toEqual([0, 0, 0, 0]);
    expect(readdirSync(saved.dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    const last = readSavedIndex(saved, bytesOf(REPORT), META) as ReportIndex;
    expect(answersOf(last, QUESTIONS)).toEqual(expected);
  }, 60_000);
});

function flip(file: Buffer, at: number): Buffer {
  const copy = Buffer.from(file);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}

function withLength(file: Buffer, length: number): Buffer {
  const copy = Buffer.from(file);
  copy.writeUInt32BE(length, 0);
  return copy;
}
