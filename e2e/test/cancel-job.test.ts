// GetJob, ListJobs, CancelJob and GetJobResult on a running deployment, once on each job store (SQLite, FerretDB): a
// job cancelled in the middle of its video ends CANCELLED at once, with no result; its work leaves the pipeline (the
// decoder stops decoding it, its queued frames are purged, the detector stops detecting for it); a watcher sees the
// end; the deployment then runs the next job to its end, whose result reads page by page in each track order; a job
// cancelled while no decoder ran is skipped by the decoder started after.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, suite, test } from 'node:test';
import { connectJetStream, type JetStreamBus } from '@pmr/common/messaging';
import { PIPELINE_STREAMS } from '@pmr/common/pipeline';
import type { CancelJobResponse__Output } from '@pmr/common/proto/generated/pmr/v1/CancelJobResponse.ts';
import type { GetJobResponse__Output } from '@pmr/common/proto/generated/pmr/v1/GetJobResponse.ts';
import type { JobState } from '@pmr/common/proto/generated/pmr/v1/JobState.ts';
import type { ListJobsResponse__Output } from '@pmr/common/proto/generated/pmr/v1/ListJobsResponse.ts';
import type { GetJobResultResponse__Output } from '@pmr/common/proto/generated/pmr/v1/GetJobResultResponse.ts';
import type { StartVideoJobResponse__Output } from '@pmr/common/proto/generated/pmr/v1/StartVideoJobResponse.ts';
import type { TrackOrder } from '@pmr/common/proto/generated/pmr/v1/TrackOrder.ts';
import type { TrackResult__Output } from '@pmr/common/proto/generated/pmr/v1/TrackResult.ts';
import type { WatchJobResponse__Output } from '@pmr/common/proto/generated/pmr/v1/WatchJobResponse.ts';
import { readCounter, startDeployment, type Deployment, type RunningService } from '../src/deployment.ts';
import { deploymentClients, readStream, unary, type PmrClients } from '../src/grpc-clients.ts';
import { TEST_STORES, type OpenedStore } from '../src/test-stores.ts';
import { video } from '../src/paths.ts';

async function whenCounter(service: RunningService, counter: string, atLeast: number): Promise<number> {
  for (;;) {
    const value = await readCounter(service, counter);
    if (value >= atLeast) return value;
    await sleep(50);
  }
}

for (const storeKind of TEST_STORES)
  suite(
    `GetJob, ListJobs and CancelJob on a running deployment, ${storeKind.name} store`,
    { skip: storeKind.skip ?? false },
    () => {
      let store: OpenedStore;
      let deployment: Deployment;
      let clients: PmrClients;
      let bus: JetStreamBus;

      before(async () => {
        store = await storeKind.open('pmr_cancel_e2e');
        deployment = await startDeployment(store.location === undefined ? {} : { store: store.location });
        clients = deploymentClients(deployment);
        bus = await connectJetStream({ servers: deployment.nats.url });
      });
      after(async () => {
        await bus?.close();
        clients?.close();
        await deployment?.stop();
        await store?.close();
      });

      const startJob = (token: string): Promise<StartVideoJobResponse__Output> =>
        unary((options, done) =>
          clients.orchestrator.StartVideoJob(
            {
              clientToken: token,
              video: { uri: video('short_hamilton_clip.mp4') },
              options: { skipMethod: 'SKIP_METHOD_NONE' },
            },
            options,
            done,
          ),
        );

      test('a job cancelled mid-video ends CANCELLED with no result, and its work stops', async () => {
        const detector = deployment.services.get('detector')![0]!;
        const decoder = deployment.services.get('decoder')![0]!;
        const jobId = (await startJob('cancel-me')).job!.id;
        const watch = readStream<WatchJobResponse__Output>(clients.orchestrator.WatchJob({ jobId }));
        await whenCounter(detector, 'pmr_detector_pipeline_frames_total', 20);
        const cancelled = await unary<CancelJobResponse__Output>((options, done) =>
          clients.orchestrator.CancelJob({ jobId }, options, done),
        );
        assert.equal(cancelled.job?.state, 'JOB_STATE_CANCELLED');
        const watched = await watch;
        assert.equal(watched.messages.at(-1)?.job?.state, 'JOB_STATE_CANCELLED', 'the watch ends with the cancel');
        const result = await unary<GetJobResultResponse__Output>((options, done) =>
          clients.orchestrator.GetJobResult({ jobId }, options, done),
        );
        assert.deepEqual([result.job?.state, result.tracks.length, result.video], ['JOB_STATE_CANCELLED', 0, null]);

        for (let i = 0; i < 100 && !decoder.logs.some((l) => l.msg === 'decoding stopped: the job was stopped'); i++)
          await sleep(50);
        assert.ok(
          decoder.logs.some((l) => l.msg === 'decoding stopped: the job was stopped' && l['jobId'] === jobId),
          'the decoder stopped decoding the job',
        );
        // Whatever the stages held when the job was cancelled drains within a moment; after that nothing is queued and
        // the detector detects nothing more.
        await sleep(1000);
        const frames = await readCounter(detector, 'pmr_detector_pipeline_frames_total');
        const queued = await Promise.all(
          [PIPELINE_STREAMS.frames, PIPELINE_STREAMS.faces, PIPELINE_STREAMS.tracks].map(
            async (s) => (await bus.streamState(s.stream)).messages,
          ),
        );
        assert.deepEqual(queued, [0, 0, 0], 'no frame, face or track of the job left queued');
        await sleep(1000);
        assert.equal(await readCounter(detector, 'pmr_detector_pipeline_frames_total'), frames, 'no more detection');
        assert.ok(frames < 275, `the clip has 275 frames; ${frames} were detected`);
      });

      test('the next job runs to its end, its result read page by page in each order; ListJobs lists both by state', async () => {
        const jobId = (await startJob('after-the-cancel')).job!.id;
        for (;;) {
          const { job } = await unary<GetJobResponse__Output>((options, done) =>
            clients.orchestrator.GetJob({ jobId }, options, done),
          );
          if (job?.state === 'JOB_STATE_SUCCEEDED') break;
          assert.ok(job?.state === 'JOB_STATE_QUEUED' || job?.state === 'JOB_STATE_RUNNING', `job ${job?.state}`);
          await sleep(200);
        }
        const pages = async (order: TrackOrder): Promise<GetJobResultResponse__Output[]> => {
          const read: GetJobResultResponse__Output[] = [];
          let pageToken = '';
          do {
            const page = await unary<GetJobResultResponse__Output>((options, done) =>
              clients.orchestrator.GetJobResult({ jobId, pageSize: 2, pageToken, order }, options, done),
            );
            assert.ok(page.tracks.length <= 2);
            read.push(page);
            pageToken = page.nextPageToken;
          } while (pageToken !== '');
          return read;
        };
        const [byId, byTime, byPerson] = await Promise.all(
          (['TRACK_ORDER_UNSPECIFIED', 'TRACK_ORDER_TIME', 'TRACK_ORDER_PERSON'] as const).map(pages),
        );
        const tracks = (read: GetJobResultResponse__Output[]): TrackResult__Output[] => read.flatMap((p) => p.tracks);
        const ids = tracks(byId!).map((t) => t.id);
        assert.ok(ids.length > 2, `${ids.length} tracks: more than one page`);
        assert.deepEqual(
          ids,
          ids.toSorted((a, b) => a - b),
          'by id unless told otherwise',
        );
        const time = tracks(byTime!);
        assert.deepEqual(
          time.map((t) => t.id),
          time.toSorted((a, b) => a.firstSeen - b.firstSeen || a.id - b.id).map((t) => t.id),
          'by the time first seen',
        );
        const labels = tracks(byPerson!).map((t) => t.label);
        assert.deepEqual(
          labels,
          [...new Set(labels)].flatMap((l) => labels.filter((x) => x === l)),
          'by person',
        );
        for (const order of [byTime!, byPerson!])
          assert.deepEqual(
            tracks(order)
              .map((t) => t.id)
              .toSorted((a, b) => a - b),
            ids,
            'every order pages the same tracks',
          );
        for (const order of [byId!, byTime!, byPerson!]) {
          assert.ok(order[0]!.persons.length > 0, 'persons on the first page');
          assert.ok(
            order.slice(1).every((p) => p.persons.length === 0),
            'and on no other',
          );
        }
        const list = (states: JobState[]): Promise<ListJobsResponse__Output> =>
          unary((options, done) => clients.orchestrator.ListJobs({ states }, options, done));
        const succeeded = (await list(['JOB_STATE_SUCCEEDED'])).jobs;
        assert.deepEqual(
          succeeded.map((j) => j.id),
          [jobId],
        );
        assert.deepEqual(
          [succeeded[0]!.video?.uri, succeeded[0]!.options?.skipMethod, succeeded[0]!.collectionId],
          [video('short_hamilton_clip.mp4'), 'SKIP_METHOD_NONE', ''],
          'each job says what it was started with',
        );
        assert.equal((await list(['JOB_STATE_CANCELLED'])).jobs.length, 1);
        assert.equal((await list([])).jobs.length, 2);
      });

      test('a DecodeJob still queued when its job is cancelled is skipped by a decoder started afterwards', async () => {
        await deployment.kill(deployment.services.get('decoder')![0]!, 'SIGTERM');
        const jobId = (await startJob('queued-then-cancelled')).job!.id;
        for (let i = 0; i < 200 && (await bus.streamState(PIPELINE_STREAMS.jobs.stream)).messages === 0; i++)
          await sleep(50); // the job runner publishes its DecodeJob once it takes the job up
        const cancelled = await unary<CancelJobResponse__Output>((options, done) =>
          clients.orchestrator.CancelJob({ jobId }, options, done),
        );
        assert.equal(cancelled.job?.state, 'JOB_STATE_CANCELLED');
        assert.equal((await bus.streamState(PIPELINE_STREAMS.jobs.stream)).messages, 1, 'its DecodeJob is queued');
        const decoder = await deployment.start('decoder'); // knows nothing of the cancel but the log of stops
        for (let i = 0; i < 200 && (await bus.streamState(PIPELINE_STREAMS.jobs.stream)).messages > 0; i++)
          await sleep(50);
        assert.equal((await bus.streamState(PIPELINE_STREAMS.jobs.stream)).messages, 0, 'the DecodeJob was taken');
        assert.ok(
          decoder.logs.some((l) => l.msg === 'not decoded: the job was stopped' && l['jobId'] === jobId),
          'the new decoder skipped it',
        );
        assert.ok(!decoder.logs.some((l) => l.msg === 'decoding' && l['jobId'] === jobId), 'and decoded nothing of it');
        assert.equal((await bus.streamState(PIPELINE_STREAMS.frames.stream)).messages, 0, 'no frame of it');
      });
    },
  );
