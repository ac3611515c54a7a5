// Without a gallery everyone is a stranger; the same stranger seen in two shots is one unknown person.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeVideo } from '@pmr/decoder';
import { framesOf, writeClip } from '@pmr/decoder/testing';
import { missingData, missingModels, video } from '../src/paths.ts';
import { requireParts } from '@pmr/common/testing/require-parts';
import { runCli } from '../src/run-cli.ts';

const skipReason = requireParts(missingModels(), missingData());

interface Result {
  tracks: Array<{ id: number; label: string; identity: { name: string | null }; firstSeen: number }>;
  persons: Array<{ label: string; name: string | null; tracks: number[] }>;
}

test(
  'woman, man, woman again (three shots, no gallery): two strangers, the woman once',
  { skip: skipReason },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pmr-strangers-'));
    const clip = join(dir, 'woman-man-woman.mp4');
    const woman = video('head-pose-face-detection-female.mp4');
    await writeClip(clip, framesOf([woman, video('head-pose-face-detection-male.mp4'), woman]), {
      fps: (await probeVideo(woman)).fps,
    });
    const cli = await runCli(['analyze', clip]);
    assert.equal(cli.code, 0, cli.stderr);
    const result = JSON.parse(cli.stdout) as Result;
    assert.equal(
      result.tracks.length,
      3,
      `one track per shot: ${JSON.stringify(result.tracks.map((t) => [t.id, t.firstSeen]))}`,
    );
    assert.ok(result.tracks.every((t) => t.identity.name === null));
    const [first, second, third] = result.tracks;
    assert.equal(first!.label, third!.label, 'the woman in shots 1 and 3 is one stranger');
    assert.notEqual(first!.label, second!.label, 'the man is another');
    assert.deepEqual(result.persons.map((p) => p.label).sort(), ['unknown-1', 'unknown-2']);
  },
);
