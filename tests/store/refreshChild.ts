// A host that dies mid-refresh: opens the scope's transaction, inserts a version and points the
// scope at it, says so on stdout and waits there, inside the transaction, until it is SIGKILLed.
import { openStore } from "../../src/store/index.js";
import { TEST_FEEDBACK_SECRET } from "./backends.js";
import { newVersion } from "./versions.js";

const [dataDir, scope, databaseUrl] = process.argv.slice(2);
if (!dataDir || !scope) throw new Error("usage: refreshChild.ts DATA_DIR SCOPE [DATABASE_URL]");
const store = await openStore({ dataDir, databaseUrl, feedbackSecret: TEST_FEEDBACK_SECRET });
await store.transaction([scope], async (tables) => {
  const id = await tables.versions.insert(newVersion(scope, "half-done"));
  await tables.versions.setPointer(scope, id, null, new Date());
  process.stdout.write("inserted\n");
  await new Promise(() => {});
});
