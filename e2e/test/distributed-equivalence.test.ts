// The six services as separate processes on a real nats-server give exactly what the embedded run gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectJetStream } from '@pmr/common/messaging';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { assertSameAnalysis, type AnalysisJson } from '../src/compare-results.ts';
import { readCounter, startDeployment } from '../src/deployment.ts';
import { dataDir, missingData, missingModels, video } from '../src/paths.ts';
import { requireParts } from '@pmr/common/testing/require-parts';
import { runCli } from '../src/run-cli.ts';

const skipReason = requireParts(missingModels(), missingData(), natsServerSkipReason());

async function analyze(args: string[]): Promise<AnalysisJson> {
  const run = await runCli(['analyze', ...args]);
  assert.equal(run.code, 0, `pmr analyze ${args.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as AnalysisJson;
}

test(
  "short_hamilton_clip with the identities gallery: the six processes give the embedded run's tracks, identities and attributes",
  { skip: skipReason },
  async () => {
    const clip = video('short_hamilton_clip.mp4');
    const gallery = join(dataDir, 'identities');
    const embedded = await analyze([clip, '--gallery', gallery]);
    const deployment = await startDeployment();
    try {
      const remote = await analyze([clip, '--gallery', gallery, '--remote', deployment.orchestratorAddress()]);
      assertSameAnalysis(remote, embedded, 'distributed vs embedded');
      const names = new Set(remote.tracks.map((t) => t.label));
      assert.ok(names.has('lin_manuel_miranda') && names.has('barack_obama'), [...names].join(', '));
      // Every service is still up, and nothing of the job is left in the broker: work queues drained, upload and
      // tracker checkpoint removed.
      for (const [name, list] of deployment.services)
        for (const s of list) assert.equal(s.child.exitCode, null, `${name} exited`);
      const orchestrator = deployment.services.get('orchestrator')![0]!;
      assert.equal(
        await readCounter(orchestrator, 'pmr_orchestrator_jobs_ended_total'),
        1,
        'one job ended, counted once',
      );
      const detector = deployment.services.get('detector')![0]!;
      assert.equal(
        await readCounter(detector, 'pmr_detector_pipeline_frames_total'),
        Number(embedded.video['analysedFrames']),
        'each analysed frame detected once',
      );
      const bus = await connectJetStream({ servers: deployment.nats.url, name: 'equivalence-check' });
      try {
        for (const stream of [
          'PMR_JOBS',
          'PMR_FRAMES',
          'PMR_FACES',
          'PMR_TRACKS',
          'PMR_RESULTS',
          'OBJ_pmr-frames',
          'OBJ_pmr-uploads',
          'OBJ_pmr-tracker-state',
        ]) {
          // The upload is removed just after the job is marked done, so give it a moment.
          const deadline = Date.now() + 5000;
          while ((await bus.streamState(stream)).messages > 0 && Date.now() < deadline) await sleep(100);
          assert.equal((await bus.streamState(stream)).messages, 0, `${stream} still holds messages`);
        }
      } finally {
        await bus.close();
      }
    } finally {
      await deployment.stop();
    }
  },
);

test(
  "1080p crowd clip (frames over the broker's payload limit go through the object store): distributed equals embedded",
  { skip: skipReason },
  async () => {
    const clip = video('facenet_pytorch_walking_crowd.mp4');
    const embedded = await analyze([clip, '--fps', '5']);
    const deployment = await startDeployment();
    try {
      const remote = await analyze([clip, '--fps', '5', '--remote', deployment.orchestratorAddress()]);
      assertSameAnalysis(remote, embedded, 'distributed vs embedded, 1080p');
      assert.ok(remote.tracks.length >= 10, `${remote.tracks.length} tracks`);
      const decoder = deployment.services.get('decoder')![0]!;
      assert.ok(
        Number(remote.video['width']) * Number(remote.video['height']) * 3 > 1024 * 1024,
        'frames larger than the 1 MiB payload limit',
      );
      assert.equal(decoder.child.exitCode, null);
    } finally {
      await deployment.stop();
    }
  },
);
