// Gallery photos far larger than detection needs (8000×8000 JPEGs of people in the clip) sent to a remote job, as
// `pmr analyze --remote` sends them: they are decoded downscaled (at most GALLERY_IMAGE_LIMITS.maxPixels) before
// detection, so the job enrols them in seconds and ends with exactly the embedded run's result — never QUEUED for
// ever behind a retried "message larger than the limit". Both runtimes decode gallery photos with the same code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { requireParts } from '@pmr/common/testing/require-parts';
import { assertSameAnalysis, type AnalysisJson } from '../src/compare-results.ts';
import { startDeployment } from '../src/deployment.ts';
import { writeHugePhotos } from '../src/huge-photos.ts';
import { missingData, missingModels, video } from '../src/paths.ts';
import { runCli } from '../src/run-cli.ts';

const skipReason = requireParts(missingModels(), missingData(), natsServerSkipReason());

/** How long the remote run may take before it counts as hanging (the clip alone takes well under a minute here). */
const REMOTE_LIMIT_MS = 180_000;
/** How long enrolling the three huge photos may take on the orchestrator. */
const ENROL_LIMIT_MS = 30_000;

test(
  "three 8000×8000 JPEG gallery photos sent with --remote: enrolled downscaled in seconds, the embedded run's result",
  { skip: skipReason ?? false, timeout: 900_000 },
  async () => {
    const work = await mkdtemp(join(tmpdir(), 'pmr-huge-gallery-'));
    try {
      const gallery = join(work, 'gallery');
      await writeHugePhotos(gallery);
      const clip = video('short_hamilton_clip.mp4');
      const local = await runCli(['analyze', clip, '--gallery', gallery]);
      assert.equal(local.code, 0, `embedded run: ${local.stderr}`);
      const embedded = JSON.parse(local.stdout) as AnalysisJson;
      assert.deepEqual(
        embedded.gallery,
        { persons: 3, accepted: 3, rejected: [] },
        'every huge photo enrolled (embedded)',
      );
      // One photo each is a thin gallery: Miranda, who fills the clip, is recognised from his.
      const labels = new Set(embedded.tracks.map((t) => t.label));
      assert.ok(labels.has('lin_manuel_miranda'), [...labels].join(', '));

      const deployment = await startDeployment();
      try {
        const remoteRun = await runCli(
          ['analyze', clip, '--gallery', gallery, '--remote', deployment.orchestratorAddress()],
          {},
          undefined,
          REMOTE_LIMIT_MS,
        );
        const orchestrator = deployment.services.get('orchestrator')![0]!;
        const errors = orchestrator.logs.filter((l) => Number(l.level) >= 50);
        assert.equal(
          remoteRun.code,
          0,
          `remote run: ${remoteRun.stderr.slice(-2000)}\norchestrator errors: ${errors.length}, first: ${JSON.stringify(errors[0])}`,
        );
        assertSameAnalysis(
          JSON.parse(remoteRun.stdout) as AnalysisJson,
          embedded,
          'remote vs embedded, huge gallery photos',
        );
        assert.deepEqual(errors, [], 'the orchestrator logged errors');
        const created = orchestrator.logs.find((l) => l.msg === 'job created');
        const enrolled = orchestrator.logs.find((l) => l.msg === 'gallery enrolled');
        assert.ok(created !== undefined && enrolled !== undefined, 'job created and gallery enrolled are logged');
        const enrolMs = Number(enrolled.time) - Number(created.time);
        console.log(`# three 8000x8000 photos enrolled on the orchestrator in ${(enrolMs / 1000).toFixed(1)} s`);
        assert.ok(enrolMs < ENROL_LIMIT_MS, `enrolment took ${enrolMs} ms`);
      } finally {
        await deployment.stop();
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
);
