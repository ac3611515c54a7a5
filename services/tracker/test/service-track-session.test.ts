// One Track stream's session without gRPC: stable ids for two walkers, the end message finishing both, settings
// from the first message, and the INVALID_ARGUMENT cases (time order, job id change, bad settings, bad faces).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PmrError } from '@pmr/common';
import type { TrackRequest__Output, TrackResponse } from '../src/service/common-bridge.ts';
import { TrackSession } from '../src/service/track-session.ts';
import { faceMessage, twoWalkers } from './service-fixtures.ts';

const tagOf = (face: TrackResponse['assigned'] extends (infer T)[] | undefined ? T : never): number => {
  const data = face.face?.chip?.data;
  return data instanceof Uint8Array ? (data[0] ?? -1) : -1;
};

test('two walkers: ids 1 and 2 from the second frame on, and both finished by the end message', () => {
  const session = new TrackSession();
  const responses = twoWalkers('job-a', 6).map((r) => session.update(r));
  assert.deepEqual(
    responses.map((r) => r.frameIndex),
    [0, 1, 2, 3, 4, 5],
  );
  assert.deepEqual(responses[0]?.assigned, [], 'minHits 2: nobody is confirmed after one frame');
  // Frame 1 confirms both and reports frame 0's detections retroactively, sorted by (frame, track).
  assert.deepEqual(
    responses[1]?.assigned?.map((a) => [a.frameIndex, a.trackId, tagOf(a)]),
    [
      [0, 1, 1],
      [0, 2, 2],
      [1, 1, 1],
      [1, 2, 2],
    ],
  );
  for (const r of responses.slice(2))
    assert.deepEqual(
      r.assigned?.map((a) => [a.trackId, tagOf(a), a.jobId]),
      [
        [1, 1, 'job-a'],
        [2, 2, 'job-a'],
      ],
    );
  assert.ok(responses.every((r) => r.finished?.length === 0 && r.end === false));
  const end = session.finish();
  assert.equal(end.end, true);
  assert.equal(end.frameIndex, 5);
  assert.deepEqual(
    end.finished?.map((t) => [t.jobId, t.trackId, t.firstFrame, t.lastFrame, t.hits, t.firstPts, t.lastPts]),
    [
      ['job-a', 1, 0, 5, 6, 0, 0.5],
      ['job-a', 2, 0, 5, 6, 0, 0.5],
    ],
  );
  // default 0.5 s between kept faces: frames 0 and 5
  assert.deepEqual(
    end.finished?.[0]?.selected?.map((s) => s.frameIndex),
    [0, 5],
  );
  assert.deepEqual([session.faces, session.finishedTracks], [12, 2]);
});

test('settings come from the first message: minHits 3 confirms at the third frame', () => {
  const session = new TrackSession();
  const responses = twoWalkers('j', 3, { minHits: 3 }).map((r) => session.update(r));
  assert.deepEqual(
    responses.map((r) => r.assigned?.length),
    [0, 0, 6],
  );
});

test('a track unseen for longer than maxAgeSeconds is finished in the frame that notices it', () => {
  const session = new TrackSession();
  const frames = twoWalkers('j', 3, { maxAgeSeconds: 0.2 });
  for (const f of frames) session.update(f);
  const later = session.update({ ...frames[2]!, frameIndex: 3, pts: 0.6, faces: [] });
  assert.deepEqual(
    later.finished?.map((t) => [t.trackId, t.lastFrame]),
    [
      [1, 2],
      [2, 2],
    ],
  );
  assert.deepEqual(session.finish().finished, []);
});

test('the end message with no frame at all', () => {
  assert.deepEqual(new TrackSession().finish(), { frameIndex: 0, assigned: [], finished: [], end: true });
});

const frame = (over: Partial<TrackRequest__Output>): TrackRequest__Output => ({
  jobId: 'j',
  settings: null,
  frameIndex: 0,
  pts: 0,
  frameWidth: 1280,
  frameHeight: 720,
  faces: [faceMessage(100, 100)],
  ...over,
});

const INVALID: ReadonlyArray<{ name: string; requests: TrackRequest__Output[]; says: string }> = [
  {
    name: 'a frame earlier than the previous',
    requests: [frame({ pts: 1 }), frame({ frameIndex: 1, pts: 0.5 })],
    says: 'frames must come in time order: pts 0.5 after 1',
  },
  {
    name: 'the job id changes',
    requests: [frame({}), frame({ jobId: 'k', frameIndex: 1, pts: 0.1 })],
    says: 'job_id changed within the stream: "k" after "j"',
  },
  { name: 'bad settings', requests: [frame({ settings: { iouGate: 0 } })], says: 'iouGate must be in (0, 1], got 0' },
  {
    name: 'a face without a box',
    requests: [frame({ faces: [{ ...faceMessage(1, 1), box: null }] })],
    says: 'frame 0 faces[0].box is required',
  },
  {
    name: 'a face without quality',
    requests: [frame({ faces: [faceMessage(1, 1), { ...faceMessage(1, 1), quality: null }] })],
    says: 'frame 0 faces[1].quality is required',
  },
  { name: 'no frame size', requests: [frame({ frameWidth: 0 })], says: 'frame size must be positive' },
];

for (const { name, requests, says } of INVALID) {
  test(`INVALID_ARGUMENT: ${name}`, () => {
    const session = new TrackSession();
    const last = requests.at(-1)!;
    for (const r of requests.slice(0, -1)) session.update(r);
    assert.throws(
      () => session.update(last),
      (err: unknown) => err instanceof PmrError && err.code === 'INVALID_ARGUMENT' && err.message.includes(says),
    );
  });
}
