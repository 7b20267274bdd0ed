/**
 * Where the time went in a `node --cpu-prof` profile: the functions with the most self time and
 * the most time including what they call, as shares of the whole.
 *   npx tsx scripts/bench/profileSummary.ts PROFILE_DIR_OR_FILE [ROWS]
 * Of a directory, the largest profile is read (the main thread's, not a loader thread's).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [target = ".", rowsArg = "30"] = process.argv.slice(2);
const file = statSync(target).isDirectory()
  ? (readdirSync(target)
      .map((name) => join(target, name))
      .sort((a, b) => statSync(b).size - statSync(a).size)[0] ?? "")
  : target;
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);
const name = (node: ProfileNode) => {
  const where = node.callFrame.url
    .replace(/^.*\/node_modules\//, "")
    .replace(/^.*?\/(src|scripts|tests|commands)\//, "$1/");
  return `${node.callFrame.functionName || "(anonymous)"} ${where}`;
};

const sampled = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) {
  sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
for (const [id, micros] of sampled) {
  all += micros;
  const node = byId.get(id);
  if (!node) continue;
  self.set(name(node), (self.get(name(node)) ?? 0) + micros);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const key = name(byId.get(at) as ProfileNode);
    if (seen.has(key)) continue; // recursion counts once
    seen.add(key);
    total.set(key, (total.get(key) ?? 0) + micros);
  }
}
const rows = Number(rowsArg);
const top = (times: Map<string, number>) =>
  [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(
      ([key, micros]) =>
        `${((100 * micros) / all).toFixed(1).padStart(5)}% ${(micros / 1000).toFixed(0).padStart(6)} ms  ${key}`,
    )
    .join("\n");
console.log(
  `${file}: ${(all / 1000).toFixed(0)} ms sampled\n\nself time\n${top(self)}\n\nincluding callees\n${top(total)}`,
);
