// A host that dies mid-refresh: opens the scope's transaction, inserts a version and points the
// scope at it, says so on stdout and waits there, inside the transaction, until it is SIGKILLed.
import { type Backend, openCatalog } from "./catalogs.js";
import { newVersion } from "./versions.js";

const [backend, target, scope] = process.argv.slice(2);
if ((backend !== "sqlite" && backend !== "postgres") || !target || !scope) {
  throw new Error("usage: refreshChild.ts sqlite|postgres DATA_DIR|DATABASE_URL SCOPE");
}
const { catalog } = await openCatalog(backend as Backend, target);
await catalog.inScope(scope, async (versions) => {
  const id = await versions.insert(newVersion(scope, "half-done"));
  await versions.setPointer(scope, id, null, new Date());
  process.stdout.write("inserted\n");
  await new Promise(() => {});
});
