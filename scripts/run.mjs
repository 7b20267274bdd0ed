// `node scripts/run.mjs ENTRY [args…]` runs the compiled dist/ENTRY.js in this same process, building
// it first when dist/ is missing or older than the sources. In this process, not a child: a signal
// sent to it reaches the bot itself, and nothing is left behind when it stops.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildIfStale, distDir } from "./build.mjs";

const [entry, ...rest] = process.argv.slice(2);
if (!entry || !/^\w+$/.test(entry)) {
  process.stderr.write("factdesk: usage: node scripts/run.mjs ENTRY [args…]\n");
  process.exit(2);
}
await buildIfStale();
const script = join(distDir, `${entry}.js`);
// The entry reads its own arguments from process.argv, as if started as `node dist/ENTRY.js …`.
process.argv = [process.argv[0] ?? "node", script, ...rest];
await import(pathToFileURL(script).href);
