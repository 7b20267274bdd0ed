// A host that dies mid-refresh: opens the scope's transaction, inserts a version, says so on
// stdout and waits there, holding the lock, until the test kills it with SIGKILL.
import postgres from "postgres";
import {
  inScopeTransaction,
  PostgresReportVersions,
} from "../../src/store/postgres/reportVersions.js";
import { newVersion } from "./versions.js";

const [url, scope] = process.argv.slice(2);
if (!url || !scope) throw new Error("usage: refreshChild.ts DATABASE_URL SCOPE");
const sql = postgres(url, { onnotice: () => {} });
const versions = new PostgresReportVersions();
await inScopeTransaction(sql, scope, async (tx) => {
  const id = await versions.insert(tx, newVersion(scope, "half-done"));
  await versions.setPointer(tx, scope, id, null, new Date());
  process.stdout.write("inserted\n");
  await new Promise(() => {});
});
