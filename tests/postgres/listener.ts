// A second process on the same database: prints each change it hears as one JSON line with the
// time it arrived, until its standard input closes.
import postgres from "postgres";
import { postgresChanges } from "../../src/store/postgres/changes.js";

const url = process.argv[2];
if (!url) throw new Error("usage: listener.ts DATABASE_URL");
const sql = postgres(url, { onnotice: () => {} });
const feed = await postgresChanges(sql, (error) => console.error(String(error)));
feed.onChange((change) => {
  process.stdout.write(`${JSON.stringify({ change, at: Date.now() })}\n`);
});
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
process.stdin.resume();
process.stdin.on("end", async () => {
  await feed.close();
  await sql.end();
});
