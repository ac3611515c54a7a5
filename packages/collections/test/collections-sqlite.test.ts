// SqliteCollectionStore: the shared CollectionStore contract on a file (beside the job store's tables, as in the
// orchestrator; a second connection to it for the concurrency case) and on ':memory:'.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { SqliteCollectionStore } from '../src/index.ts';
import { runCollectionStoreContract } from '../src/testing/collection-store-contract.ts';

const root = await mkdtemp(join(tmpdir(), 'pmr-collections-'));
after(() => rm(root, { recursive: true, force: true }));
let n = 0;

runCollectionStoreContract('SqliteCollectionStore (file)', ({ now }) => {
  const path = join(root, `store-${n++}.db`);
  const open = [new SqliteCollectionStore(path, { now })];
  return Promise.resolve({
    store: open[0]!,
    openSecond: () => {
      const second = new SqliteCollectionStore(path, { now });
      open.push(second);
      return Promise.resolve(second);
    },
    cleanup: async () => {
      await Promise.all(open.map((s) => s.close()));
    },
  });
});

runCollectionStoreContract('SqliteCollectionStore (:memory:)', ({ now }) => {
  const store = new SqliteCollectionStore(':memory:', { now });
  return Promise.resolve({ store, cleanup: () => store.close() });
});
