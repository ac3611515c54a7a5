// The stores an end-to-end suite runs its deployment on: the embedded SQLite file (the deployment's default) and
// FerretDB (MongoDB's wire protocol, the MongoDB adapters), each with the reason it must be skipped here, if any.
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { requireParts } from '@pmr/common/testing/require-parts';
import { ferretDbMissing, startFerretDb } from '@pmr/mongo/testing/ferretdb';
import { missingData, missingModels } from './paths.ts';

export interface OpenedStore {
  /** The deployment's `store` option; undefined: its own SQLite file. */
  readonly location?: string;
  readonly close: () => Promise<void>;
}

export interface TestStore {
  readonly name: string;
  /** Why the suite cannot run here (a failure under PMR_REQUIRE_ALL=1), or undefined. */
  readonly skip: string | undefined;
  /** Start what the store needs; `database` names the MongoDB database. */
  readonly open: (database: string) => Promise<OpenedStore>;
}

export const TEST_STORES: readonly TestStore[] = [
  {
    name: 'SQLite',
    skip: requireParts(missingModels(), missingData(), natsServerSkipReason()),
    open: () => Promise.resolve({ close: () => Promise.resolve() }),
  },
  {
    name: 'FerretDB',
    skip: requireParts(missingModels(), missingData(), natsServerSkipReason(), ferretDbMissing()),
    open: async (database) => {
      const ferret = await startFerretDb();
      return { location: `${ferret.url}${database}`, close: () => ferret.stop() };
    },
  },
];
