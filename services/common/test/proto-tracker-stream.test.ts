// The bidi TrackerService.Track contract over a real socket with a trivial handler: one response per frame,
// a final `end` response after the client half-closes, and INVALID_ARGUMENT ending the stream on a frame that
// goes back in time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { credentials, Server, ServerCredentials, status, type ServiceError } from '@grpc/grpc-js';
import type { TrackResponse__Output } from '../src/proto/generated/pmr/v1/TrackResponse.ts';
import type { TrackRequest, TrackRequest__Output } from '../src/proto/generated/pmr/v1/TrackRequest.ts';
import type { TrackerServiceClient, TrackerServiceHandlers } from '../src/proto/generated/pmr/v1/TrackerService.ts';
import { loadPmrProto } from '../src/proto/index.ts';

const pmr = loadPmrProto().pmr.v1;

/** Puts every face of a frame on track 1; checks that pts never decreases. */
const oneTrack: TrackerServiceHandlers = {
  Track(call) {
    let lastPts = -Infinity;
    let lastFrame = 0;
    let hits = 0;
    let failed = false;
    call.on('data', (request: TrackRequest__Output) => {
      if (failed) return;
      if (request.pts < lastPts) {
        failed = true;
        call.emit('error', {
          code: status.INVALID_ARGUMENT,
          details: `frame ${request.frameIndex}: pts ${request.pts} is before ${lastPts}`,
        });
        return;
      }
      lastPts = request.pts;
      lastFrame = request.frameIndex;
      const assigned = request.faces.map((face) => ({
        jobId: request.jobId,
        trackId: 1,
        frameIndex: request.frameIndex,
        pts: request.pts,
        face,
      }));
      hits += assigned.length;
      call.write({ frameIndex: request.frameIndex, assigned });
    });
    call.on('end', () => {
      if (failed) return;
      call.write({ frameIndex: lastFrame, end: true, finished: hits > 0 ? [{ trackId: 1, hits, lastFrame }] : [] });
      call.end();
    });
  },
};

async function withTracker(body: (client: TrackerServiceClient) => Promise<void>): Promise<void> {
  const server = new Server();
  server.addService(pmr.TrackerService.service, oneTrack);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    );
  });
  const client = new pmr.TrackerService(`127.0.0.1:${port}`, credentials.createInsecure());
  try {
    await body(client);
  } finally {
    client.close();
    await new Promise<void>((resolve, reject) => server.tryShutdown((err) => (err ? reject(err) : resolve())));
  }
}

/** Send the requests, half-close, and collect the responses and the final status. */
function track(
  client: TrackerServiceClient,
  requests: readonly TrackRequest[],
): Promise<{ responses: TrackResponse__Output[]; error?: ServiceError }> {
  return new Promise((resolve) => {
    const responses: TrackResponse__Output[] = [];
    const call = client.Track();
    call.on('data', (response: TrackResponse__Output) => responses.push(response));
    call.on('error', (error: ServiceError) => resolve({ responses, error }));
    call.on('end', () => resolve({ responses }));
    for (const request of requests) call.write(request);
    call.end();
  });
}

const face = { box: { x: 10, y: 20, width: 30, height: 40 }, score: 0.9 };

test('one response per frame, then an end response once the client half-closes', async () => {
  await withTracker(async (client) => {
    const { responses, error } = await track(client, [
      { jobId: 'j', frameIndex: 0, pts: 0, frameWidth: 640, frameHeight: 360, faces: [face] },
      { jobId: 'j', frameIndex: 1, pts: 0.04, frameWidth: 640, frameHeight: 360, faces: [] },
      { jobId: 'j', frameIndex: 2, pts: 0.08, frameWidth: 640, frameHeight: 360, faces: [face] },
    ]);
    assert.equal(error, undefined);
    assert.deepEqual(
      responses.map((r) => [r.frameIndex, r.assigned.length, r.end]),
      [
        [0, 1, false],
        [1, 0, false],
        [2, 1, false],
        [2, 0, true],
      ],
    );
    assert.deepEqual(responses[2]?.assigned[0]?.face?.box, face.box);
    assert.equal(responses[2]?.assigned[0]?.pts, 0.08);
    assert.deepEqual(
      responses[3]?.finished.map((f) => [f.trackId, f.hits, f.lastFrame]),
      [[1, 2, 2]],
    );
  });
});

test('a frame earlier than the previous one ends the stream with INVALID_ARGUMENT', async () => {
  await withTracker(async (client) => {
    const { responses, error } = await track(client, [
      { jobId: 'j', frameIndex: 0, pts: 1, faces: [] },
      { jobId: 'j', frameIndex: 1, pts: 0.5, faces: [] },
    ]);
    assert.equal(error?.code, status.INVALID_ARGUMENT);
    assert.equal(error?.details, 'frame 1: pts 0.5 is before 1');
    assert.deepEqual(
      responses.map((r) => r.frameIndex),
      [0],
    );
  });
});
