// `pmr detect` on group photos from ../shared/data/identities/_groups with the identities/ gallery.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { dataDir, missingData, missingModels } from '../src/paths.ts';
import { requireParts } from '@pmr/common/testing/require-parts';
import { runCli } from '../src/run-cli.ts';

interface DetectJson {
  faces: Array<{
    box: [number, number, number, number];
    identity: { name: string | null; similarity: number } | null;
    attributes: {
      expression: { value: string };
      age: { value: number; low: number; high: number } | null;
      gender: { value: string; confidence: number } | null;
    };
  }>;
}

const skipReason = requireParts(missingModels(), missingData());

// groups.json lists who is in each photo. Its left-to-right order for two_people.jpg is reversed: the photo shows
// Barack Obama on the left and Joe Biden on the right (checked by eye), so the test compares who, and the order only
// where it was checked.
const CASES = [
  { file: 'two_people.jpg', leftToRight: ['barack_obama', 'joe_biden'] },
  { file: 'kit_with_rose.jpg', leftToRight: ['rose_leslie', 'kit_harington'] },
  { file: 'obama_and_biden.jpg', leftToRight: ['joe_biden', 'barack_obama'] },
];

test(
  'pmr detect names every enrolled person in group photos, left to right, and no one else',
  { skip: skipReason },
  async (t) => {
    for (const c of CASES) {
      await t.test(c.file, async () => {
        const run = await runCli([
          'detect',
          join(dataDir, 'identities', '_groups', c.file),
          '--gallery',
          join(dataDir, 'identities'),
        ]);
        assert.equal(run.code, 0, run.stderr);
        const { faces } = JSON.parse(run.stdout) as DetectJson;
        const named = faces.filter((f) => f.identity?.name != null).toSorted((a, b) => a.box[0] - b.box[0]);
        assert.deepEqual(
          named.map((f) => f.identity!.name),
          c.leftToRight,
        );
        for (const f of faces) {
          assert.ok(typeof f.attributes.expression.value === 'string');
          assert.ok(
            f.attributes.age !== null &&
              f.attributes.age.low <= f.attributes.age.value &&
              f.attributes.age.value <= f.attributes.age.high,
          );
          assert.ok(f.attributes.gender !== null);
        }
        // Every enrolled person here is an adult; the two men and one woman are known.
        for (const f of named) {
          assert.ok(
            f.attributes.age!.value >= 25 && f.attributes.age!.value <= 80,
            `${f.identity!.name}: age ${f.attributes.age!.value}`,
          );
          assert.equal(
            f.attributes.gender!.value,
            f.identity!.name === 'rose_leslie' ? 'female' : 'male',
            f.identity!.name!,
          );
        }
      });
    }
  },
);
