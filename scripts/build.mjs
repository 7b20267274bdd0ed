// `npm run build`: compiles src/ and commands/ to dist/ with tsc, copies the data files the code
// reads at run time, writes the entry points (dist/main.js …) and bundles the ask CLI into one file.
// Plain JavaScript on purpose: scripts/run.mjs uses it in a production tree, where tsx is gone.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const stamp = join(dist, ".built");
const lock = join(root, ".dist.lock");
const SOURCES = ["src", "commands", "tsconfig.json", "tsconfig.build.json", "package.json"];
/** Compiled entry points: `node dist/<name>.js` runs `src/<name>.ts`. */
const ENTRIES = ["main", "deploy", "reportCli"];
/**
 * Entry points bundled into one file each: a cold `npm run ask` spends less in Node's module
 * loader on one file than on ~200 (about 80 ms of CPU here). The bot is not bundled: its build
 * worker and pino's transports are files it starts by path.
 */
const BUNDLED = ["cli"];
/** What the bundles leave to node_modules: the dictionary is read from its package's own files. */
const EXTERNAL = ["dictionary-en", "nspell", "better-sqlite3"];
const DATA_EXTENSIONS = [".json"];
const STALE_LOCK_MS = 120_000;

function fail(line) {
  process.stderr.write(`factdesk: ${line}\n`);
  process.exit(1);
}

function* files(path) {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path)) yield* files(join(path, entry));
}

function newestSource() {
  let newest = 0;
  for (const source of SOURCES) {
    for (const file of files(join(root, source))) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

export const distDir = dist;

function isStale() {
  if (!existsSync(stamp)) return true;
  // A production image may ship dist/ without src/: nothing to compare, nothing to rebuild.
  return newestSource() > statSync(stamp).mtimeMs;
}

async function compile(outDir) {
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  if (!existsSync(tsc)) {
    fail(
      "dist/ is missing or older than src/, and TypeScript is not installed to build it: run npm ci && npm run build",
    );
  }
  const result = spawnSync(
    process.execPath,
    [tsc, "-p", "tsconfig.build.json", "--outDir", outDir],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  if (result.status !== 0) fail("npm run build: tsc reported errors (above)");
  for (const dir of ["src", "commands"]) {
    for (const file of files(join(root, dir))) {
      if (!DATA_EXTENSIONS.some((extension) => file.endsWith(extension))) continue;
      const target = join(outDir, relative(root, file));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(file, target);
    }
  }
  for (const entry of ENTRIES) {
    writeFileSync(join(outDir, `${entry}.js`), `import "./src/${entry}.js";\n`);
  }
  await bundle(outDir, engineId(outDir));
  writeFileSync(join(outDir, ".built"), `${new Date().toISOString()}\n`);
}

/**
 * The engine's identity: a hash of the compiled code and data and of the locked dependency
 * versions. Whatever the CLI caches from one build is never read by another.
 */
function engineId(outDir) {
  const hash = createHash("sha256");
  const inputs = [...files(join(outDir, "src")), ...files(join(outDir, "commands"))].sort();
  for (const file of [...inputs, join(root, "package-lock.json")]) {
    if (!existsSync(file)) continue;
    hash.update(relative(outDir, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

async function bundle(outDir, engine) {
  // Imported here, not at the top: run.mjs imports this file in a production tree without esbuild.
  const { build: esbuild } = await import("esbuild");
  await esbuild({
    entryPoints: BUNDLED.map((entry) => ({ in: join(outDir, "src", `${entry}.js`), out: entry })),
    outdir: outDir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: EXTERNAL,
    sourcemap: true,
    // src/cli/indexCache.ts reads it: a cached index is tied to the build that wrote it.
    define: { FACTDESK_ENGINE: JSON.stringify(engine) },
    logLevel: "error",
  });
}

/** Build into a fresh directory, then swap it in, so a running process never sees half a dist/. */
async function build() {
  const next = join(root, `.dist-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  await compile(next);
  const old = join(root, `.dist-old-${process.pid}`);
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(next, dist);
  rmSync(old, { recursive: true, force: true });
}

/** Several `npm run ask` may start at once in a fresh clone: one builds, the others wait for it. */
async function withLock(work) {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const age = Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Build when dist/ is missing or older than the sources; otherwise do nothing (a few ms). */
export async function buildIfStale() {
  if (!isStale()) return;
  await withLock(async () => {
    if (isStale()) await build();
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await withLock(build);
