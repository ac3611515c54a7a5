// The whole pipeline through the real `pmr analyze` command on real clips with real models.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeVideo } from '@pmr/decoder';
import { remuxVideo } from '@pmr/decoder/testing';
import { dataDir, missingData, missingModels, video } from '../src/paths.ts';
import { requireParts } from '@pmr/common/testing/require-parts';
import { runCli } from '../src/run-cli.ts';
import { enrolFromVideo } from '../src/gallery-from-video.ts';

interface Result {
  video: { frames: number; analysedFrames: number; complete: boolean };
  tracks: Array<{
    id: number;
    label: string;
    identity: { name: string | null; similarity: number };
    firstSeen: number;
    lastSeen: number;
    attributes: unknown;
    bestShot: string;
  }>;
  persons: Array<{ label: string; name: string | null; tracks: number[]; screenTime: number }>;
  stats: { embeddings: number };
}

const skipReason = requireParts(missingModels(), missingData());

async function analyze(args: string[]): Promise<Result> {
  const run = await runCli(['analyze', ...args]);
  assert.equal(run.code, 0, `pmr analyze failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Result;
}

/** What an annotated copy holds, read back by decoding it whole. */
async function readBack(
  path: string,
): Promise<{ width: number; height: number; frames: number; complete: boolean; hasAudio: boolean; firstPts: number }> {
  const decoding = await decodeVideo(path, { skip: { method: 'none' } });
  let frames = 0;
  let firstPts = Number.NaN;
  for await (const f of decoding.frames) if (frames++ === 0) firstPts = f.pts;
  const { width, height, hasAudio } = decoding.info;
  return { width, height, frames, complete: (await decoding.outcome).complete, hasAudio, firstPts };
}

test(
  'short_hamilton_clip: Lin-Manuel Miranda and Barack Obama are found, Michelle Obama is unknown; --annotate writes it with its audio',
  { skip: skipReason },
  async () => {
    const annotated = join(await mkdtemp(join(tmpdir(), 'pmr-annotate-')), 'hamilton.mp4');
    const result = await analyze([
      video('short_hamilton_clip.mp4'),
      '--gallery',
      join(dataDir, 'identities'),
      '--annotate',
      annotated,
    ]);
    const names = new Set(result.persons.map((p) => p.name).filter((n) => n !== null));
    assert.ok(
      names.has('lin_manuel_miranda'),
      `Lin-Manuel Miranda not found; persons: ${JSON.stringify(result.persons)}`,
    );
    assert.ok(names.has('barack_obama'), `Barack Obama not found; persons: ${JSON.stringify(result.persons)}`);
    // Michelle Obama is not enrolled: every named person must be one who is really in the clip.
    assert.deepEqual([...names].sort(), ['barack_obama', 'lin_manuel_miranda'], 'no one else may be named');
    assert.ok(
      result.persons.some((p) => p.name === null),
      'the unenrolled Michelle Obama must appear as an unknown person',
    );
    assert.equal(result.video.frames, 275);
    assert.equal(result.video.complete, true);
    for (const t of result.tracks) {
      assert.ok(t.lastSeen > t.firstSeen, `track ${t.id} has a positive duration`);
      const a = t.attributes as {
        expression: unknown;
        age: { value: number } | null;
        gender: { value: string } | null;
      };
      assert.ok(
        a.expression !== null && a.age !== null && a.gender !== null,
        `track ${t.id} carries expression, age and gender`,
      );
      assert.match(t.bestShot, /^data:image\/jpeg;base64,/);
    }
    // Embeddings are bounded per track, not per frame.
    assert.ok(
      result.stats.embeddings <= result.tracks.length * 5,
      `embeddings ${result.stats.embeddings} for ${result.tracks.length} tracks`,
    );
    // The annotated copy: every source frame at the source size, the audio kept, the video still starting 0.84 s in.
    const copy = await readBack(annotated);
    assert.deepEqual([copy.width, copy.height, copy.frames, copy.complete, copy.hasAudio], [640, 360, 275, true, true]);
    assert.ok(Math.abs(copy.firstPts - 0.844) < 0.01, `first frame at ${copy.firstPts} s`);
  },
);

test(
  'Intel head-pose clips: enrolled from their own clips, the woman and the man are found together, and nobody else',
  { skip: skipReason },
  async () => {
    const gallery = await mkdtemp(join(tmpdir(), 'pmr-gallery-'));
    await enrolFromVideo(gallery, 'intel_woman_a', video('head-pose-face-detection-female.mp4'), [0.2, 0.9, 1.6]);
    await enrolFromVideo(gallery, 'intel_man_b', video('head-pose-face-detection-male.mp4'), [0.5, 2.0, 3.5, 4.8]);
    const annotated = join(gallery, 'annotated.mp4');
    const result = await analyze([
      video('head-pose-face-detection-female-and-male.mp4'),
      '--gallery',
      gallery,
      '--annotate',
      annotated,
    ]);
    const labels = result.persons.map((p) => p.label).sort();
    assert.deepEqual(labels, ['intel_man_b', 'intel_woman_a'], `persons: ${JSON.stringify(result.persons)}`);
    // The annotated copy has every source frame at the source size.
    const copy = await readBack(annotated);
    assert.deepEqual([copy.width, copy.height, copy.frames, copy.complete], [480, 270, result.video.frames, true]);
  },
);

test('a truncated video gives the results up to the break, marked incomplete', { skip: skipReason }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pmr-truncated-'));
  // Index at the front (faststart) so the first half is decodable on its own, then cut the file in half.
  const whole = join(dir, 'whole.mp4');
  await remuxVideo(video('head-pose-face-detection-male.mp4'), whole, { faststart: true });
  const bytes = await readFile(whole);
  const half = join(dir, 'half.mp4');
  await writeFile(half, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const cli = await runCli(['analyze', half]);
  assert.equal(cli.code, 0, cli.stderr);
  const result = JSON.parse(cli.stdout) as Result & { video: { error?: string } };
  assert.equal(result.video.complete, false);
  assert.ok(result.video.frames > 0 && result.video.frames < 62, `decoded ${result.video.frames} of 62 frames`);
  assert.ok(result.tracks.length >= 1, 'the man is tracked in the part that decoded');
  assert.match(cli.stderr, /warning: video incomplete/);
});
