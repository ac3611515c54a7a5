// Store locations: which adapter a PMR_STORE_PATH or `pmr cluster --store` value names, the database a connection
// string names, and the form logs and messages show (never a password).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMongoUrl, mongoDatabaseOf, redactStoreLocation } from '../src/store-location.ts';

test('isMongoUrl: mongodb:// and mongodb+srv:// are MongoDB, paths and :memory: are SQLite', () => {
  const table: Array<[string, boolean]> = [
    ['mongodb://db:27017/pmr', true],
    ['mongodb+srv://cluster0.example.net/pmr', true],
    ['MONGODB://db/pmr', true],
    [':memory:', false],
    ['/var/lib/pmr/jobs.db', false],
    ['jobs.db', false],
    ['mongodb.db', false],
    ['./mongodb://odd-folder/jobs.db', false],
  ];
  for (const [location, mongo] of table) assert.equal(isMongoUrl(location), mongo, location);
});

test('mongoDatabaseOf reads the path of a connection string', () => {
  const table: Array<[string, string | undefined]> = [
    ['mongodb://db:27017/pmr', 'pmr'],
    ['mongodb://a:1,b:2/jobs?replicaSet=rs0', 'jobs'],
    ['mongodb://user:p%40ss@db/pmr_prod?authSource=admin', 'pmr_prod'],
    ['mongodb://db:27017/', undefined],
    ['mongodb://db:27017', undefined],
    ['mongodb://db:27017/?directConnection=true', undefined],
    ['mongodb+srv://cluster0.example.net/my%20db', 'my db'],
  ];
  for (const [url, database] of table) assert.equal(mongoDatabaseOf(url), database, url);
});

test('redactStoreLocation hides the user and password of a connection string, and nothing else', () => {
  const table: Array<[string, string]> = [
    ['mongodb://pmr:s3cret@db:27017/pmr', 'mongodb://***@db:27017/pmr'],
    [
      'mongodb+srv://pmr:s3cret@cluster0.example.net/pmr?w=majority',
      'mongodb+srv://***@cluster0.example.net/pmr?w=majority',
    ],
    ['mongodb://db:27017/pmr', 'mongodb://db:27017/pmr'],
    ['/home/me/pmr@work/jobs.db', '/home/me/pmr@work/jobs.db'],
    [':memory:', ':memory:'],
  ];
  for (const [location, shown] of table) assert.equal(redactStoreLocation(location), shown, location);
});
