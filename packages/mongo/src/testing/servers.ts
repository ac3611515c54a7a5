// The MongoDB servers the stores' tests run on, in one place: (1) FerretDB 1.x on its SQLite backend, started here on
// a free port (a missing binary is a skip, a failure under PMR_REQUIRE_ALL=1); (2) real MongoDB in a container through
// testcontainers, where a container runtime can be reached (otherwise a loud skip, a failure only under
// PMR_REQUIRE_MONGODB=1); (3) the server MONGO_URL names, when set. Each test works in a database of its own.
import { randomUUID } from 'node:crypto';
import { after } from 'node:test';
import { MongoClient } from 'mongodb';
import { requireParts } from '@pmr/common/testing/require-parts';
import { ferretDbMissing, startFerretDb } from './ferretdb.ts';
import { realMongoSkipReason, startMongoContainer } from './mongodb-container.ts';

export interface TestServer {
  /** Names the server in test titles, e.g. `FerretDB 1.24, SQLite backend`. */
  readonly label: string;
  /** Its connection string; read it inside a test (a skipped server has none). */
  readonly url: () => string;
  /** Why its tests skip, or undefined when it runs. */
  readonly skip: string | undefined;
}

/** Starts the servers this machine has, stopped after the test file; a missing one comes with its skip reason. */
export async function mongoTestServers(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<TestServer[]> {
  const servers: TestServer[] = [];
  const ferretSkip = requireParts(ferretDbMissing(env));
  const ferret = ferretSkip === undefined ? await startFerretDb() : undefined;
  after(() => ferret?.stop());
  servers.push({ label: 'FerretDB 1.24, SQLite backend', url: () => ferret?.url ?? '', skip: ferretSkip });
  const containerSkip = await realMongoSkipReason(env);
  const container = containerSkip === undefined ? await startMongoContainer() : undefined;
  after(() => container?.stop());
  servers.push({ label: 'MongoDB in a container', url: () => container?.url ?? '', skip: containerSkip });
  const mongoUrl = env['MONGO_URL'] ?? '';
  if (mongoUrl !== '') servers.push({ label: 'MONGO_URL', url: () => mongoUrl, skip: undefined });
  return servers;
}

/** A database name no other test uses. */
export const freshDatabaseName = (): string => `pmr_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

export async function dropDatabase(url: string, database: string): Promise<void> {
  const client = new MongoClient(url);
  try {
    await client.db(database).dropDatabase();
  } finally {
    await client.close();
  }
}

/** A raw client on a fresh database, for looking at what a store wrote; the database is dropped at the end. */
export async function withDatabase(
  url: string,
  body: (client: MongoClient, database: string) => Promise<void>,
): Promise<void> {
  const client = new MongoClient(url);
  const database = freshDatabaseName();
  try {
    await body(client, database);
  } finally {
    await client.db(database).dropDatabase();
    await client.close();
  }
}
