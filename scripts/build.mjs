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
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const stamp = join(dist, ".built");
const lock = join(root, ".dist.lock");
const SOURCES = ["src", "commands", "tsconfig.json", "tsconfig.build.json", "package.json"];
/** Compiled entry points: `node dist/<name>.js` runs `src/<name>.ts`. */
const ENTRIES = ["main", "deploy", "reportCli"];
/**
 * Entry points bundled into one file each (dist/NAME.cjs, started by dist/NAME.js from V8's code
 * cache): a cold `npm run ask` spends less in Node's module loader on one file than on ~200
 * (about 80 ms of CPU here). The bot is not bundled: its build worker and pino's transports are
 * files it starts by path.
 */
const BUNDLED = ["cli"];
/** What the bundles leave to node_modules: the dictionary is read from its package's own files. */
const EXTERNAL = ["dictionary-en", "nspell", "better-sqlite3"];
const DATA_EXTENSIONS = [".json"];
/** What a CommonJS bundle reads for the `import.meta.url` of the ES module code it was made from. */
const IMPORT_META_URL = "__factdesk_import_meta_url";
const STALE_LOCK_MS = 120_000;

/** A build that cannot go on: thrown, so the lock and the half-built directory are removed first. */
class BuildError extends Error {}

function fail(line) {
  throw new BuildError(line);
}

/** Run a build step; a BuildError ends the process with its one line and exit code 1. */
async function reporting(work) {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    process.stderr.write(`factdesk: ${error.message}\n`);
    process.exit(1);
  }
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
  await bundle(outDir, engineId(outDir), checkLexicon(outDir));
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

/**
 * Check every lexicon file with its own schema, by importing (in a child process) each compiled
 * module that calls `checked`, and return the checked files with the sha256 of their bytes. The
 * bundle then carries these bytes already checked, and skips zod on them at start-up
 * (src/lexicon/checked.ts). A schema that would change a file's data (drop a key, add a default)
 * fails the build: the bundle returns the data as the file has it.
 */
function checkLexicon(outDir) {
  const callers = [...files(join(outDir, "src"))].filter(
    (file) =>
      file.endsWith(".js") &&
      /from "[./]*(?:lexicon\/)?checked\.js"/.test(readFileSync(file, "utf8")),
  );
  const script = [
    'import { isDeepStrictEqual } from "node:util";',
    ...callers.map((file) => `await import(${JSON.stringify(pathToFileURL(file).href)});`),
    `const { CHECKED_FILES } = await import(${JSON.stringify(pathToFileURL(join(outDir, "src", "lexicon", "checked.js")).href)});`,
    "const seen = [...CHECKED_FILES].map(([file, { given, parsed }]) => ({ file, same: isDeepStrictEqual(given, parsed) }));",
    "process.stdout.write(JSON.stringify(seen));",
  ].join("\n");
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) fail("npm run build: a lexicon file failed its check (above)");
  const seen = JSON.parse(result.stdout);
  const changed = seen.filter((entry) => !entry.same).map((entry) => entry.file);
  if (changed.length > 0) {
    fail(
      `npm run build: these lexicon files hold data their schema drops or changes: ${changed.join(", ")}`,
    );
  }
  const lexicon = join(outDir, "src", "lexicon");
  const hash = createHash("sha256");
  const checked = new Set();
  for (const { file } of [...seen].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(join(lexicon, file)))
      .update("\0");
    checked.add(join(lexicon, file));
  }
  return { checked, sha256: hash.digest("hex") };
}

/**
 * What the CLI bundle leaves out of zod: its error messages in some 40 languages (~360 KB, a
 * third of the bundle, compiled by every cold `npm run ask`). English, the one zod is configured
 * with, stays in `z.locales`.
 */
function englishOnlyZod() {
  return {
    name: "english-only-zod",
    setup(build) {
      build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => {
        if (!args.importer.includes(`${join("node_modules", "zod")}`)) return undefined;
        return {
          path: join(dirname(args.importer), "..", "locales", "en.js"),
          namespace: "zod-en",
        };
      });
      build.onLoad({ filter: /.*/, namespace: "zod-en" }, (args) => ({
        contents: `export { default as en } from ${JSON.stringify(args.path)};`,
        resolveDir: dirname(args.path),
      }));
    },
  };
}

async function bundle(outDir, engine, lexicon) {
  // Imported here, not at the top: run.mjs imports this file in a production tree without esbuild.
  const { build: esbuild } = await import("esbuild");
  const result = await esbuild({
    entryPoints: BUNDLED.map((entry) => ({ in: join(outDir, "src", `${entry}.js`), out: entry })),
    outdir: outDir,
    // CommonJS, which Node 20 can run from V8's code cache (scripts/cachedEntry.mjs); ES modules
    // it cannot.
    outExtension: { ".js": ".cjs" },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: EXTERNAL,
    sourcemap: true,
    define: {
      // src/cli/savedIndex.ts reads it: a saved index is tied to the build that wrote it.
      FACTDESK_ENGINE: JSON.stringify(engine),
      FACTDESK_LEXICON_CHECKED: JSON.stringify(lexicon.sha256),
      "import.meta.url": IMPORT_META_URL,
    },
    banner: { js: `var ${IMPORT_META_URL} = require("node:url").pathToFileURL(__filename).href;` },
    plugins: [englishOnlyZod()],
    metafile: true,
    absWorkingDir: root,
    logLevel: "error",
  });
  for (const entry of BUNDLED)
    cpSync(join(root, "scripts", "cachedEntry.mjs"), join(outDir, `${entry}.js`));
  // Every lexicon file the bundle carries must be one checkLexicon checked.
  const unchecked = Object.keys(result.metafile.inputs)
    .map((input) => join(root, input))
    .filter((input) => input.startsWith(join(outDir, "src", "lexicon")) && input.endsWith(".json"))
    .filter((input) => !lexicon.checked.has(input));
  if (unchecked.length > 0) {
    fail(
      `npm run build: the bundle carries lexicon files nothing checked: ${unchecked.join(", ")}`,
    );
  }
}

/** Build into a fresh directory, then swap it in, so a running process never sees half a dist/. */
async function build() {
  const next = join(root, `.dist-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  try {
    await compile(next);
  } catch (error) {
    rmSync(next, { recursive: true, force: true });
    throw error;
  }
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
  await reporting(() =>
    withLock(async () => {
      if (isStale()) await build();
    }),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await reporting(() => withLock(build));
