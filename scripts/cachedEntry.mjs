// Copied by scripts/build.mjs to dist/NAME.js for each CommonJS bundle dist/NAME.cjs: runs the
// bundle from V8's code cache, so that a cold `npm run ask` neither parses the bundle's ~1 MB nor
// compiles again the functions one question calls (about 50 ms of a 300 ms start here).
//
// The cache is dist/.cache/NAME.codecache, written at exit by the run that found none (or found
// one V8 refused), after the code has run, so that it holds what was compiled on the way. V8 itself
// checks a cache against the source, its own version and its flags, and refuses any other: a
// stale or foreign cache costs one ordinary start and is replaced. It is written to a file of its
// own and renamed into place, so concurrent starts never read half a cache; dist/ is rebuilt
// whole, its cache with it. Anything that goes wrong with the cache is skipped, never fatal.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const self = fileURLToPath(import.meta.url);
const name = basename(self, ".js");
const bundle = join(dirname(self), `${name}.cjs`);
const cacheDir = join(dirname(self), ".cache");
const cacheFile = join(cacheDir, `${name}.codecache`);

function readCache() {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

function writeCache(script) {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    rmSync(temporary, { force: true });
  }
}

const cachedData = readCache();
// The wrapper Node's own CommonJS loader puts around a module, so the bundle runs as it would
// under require().
const script = new vm.Script(
  `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, "utf8")}\n})`,
  {
    filename: bundle,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  },
);
if (cachedData === undefined || script.cachedDataRejected) {
  process.once("exit", () => writeCache(script));
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
