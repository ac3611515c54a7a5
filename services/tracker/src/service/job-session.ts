// One pipeline job's tracking state (tracker, box timelines, frame times, counters) and what tracking one of its
// FrameFaces messages publishes; the same steps, in the same order, as the embedded runtime. No I/O: the worker
// (pipeline-worker.ts) publishes. The state goes into a checkpoint (v8-serialised plain data) and comes back out of
// one exactly, so a tracker that restarts from it publishes what the first one would have.
import { deserialize, serialize } from 'node:v8';
import { invalidArgument } from '@pmr/common';
import { messageCodec } from '@pmr/common/messaging';
import { pipelineMsgIds, pipelineSubjects } from '@pmr/common/pipeline';
import { timelineToProto } from '@pmr/common/proto';
import type { FrameFaces__Output } from '@pmr/common/proto/generated/pmr/v1/FrameFaces.ts';
import type { PipelineResult } from '@pmr/common/proto/generated/pmr/v1/PipelineResult.ts';
import { FrameTimes, type FrameSpan, type FrameTimesSnapshot } from '../frame-times.ts';
import { bestFace } from '../face-selector.ts';
import { TrackLog, type TrackLogSnapshot } from '../track-log.ts';
import { Tracker, type TrackerSnapshot } from '../tracker.ts';
import type { TrackerOptions } from '../options.ts';
import type { FinishedTrack, TrackedFace } from '../types.ts';
import { finishedToMessage, wireFace, type WireFace } from './track-messages.ts';

const finishedCodec = messageCodec('pmr.v1.FinishedTrack');
const resultCodec = messageCodec('pmr.v1.PipelineResult');

/** Progress goes to the orchestrator every this many tracked frames. */
const PROGRESS_EVERY = 25;

/** Bumped whenever the checkpoint's shape changes: a tracker never restores a checkpoint it does not know. */
const CHECKPOINT_VERSION = 1;

/** A message to publish, with the id that makes publishing it again a duplicate. */
export interface Publication {
  readonly subject: string;
  readonly data: Uint8Array;
  readonly msgId: string;
}

/** A job's state as stored: plain data only. */
interface JobSessionSnapshot {
  readonly version: typeof CHECKPOINT_VERSION;
  readonly next: number;
  readonly detections: number;
  readonly tracks: number;
  readonly tracker: TrackerSnapshot<WireFace>;
  readonly log: TrackLogSnapshot;
  readonly times: FrameTimesSnapshot;
}

export class JobSession {
  readonly #tracker: Tracker<WireFace>;
  readonly #log: TrackLog;
  readonly #times: FrameTimes;
  /** The frame to track next (the end mark's index is the number of frames). */
  next = 0;
  /** Faces received and tracks published so far. */
  detections = 0;
  tracks = 0;

  private constructor(tracker: Tracker<WireFace>, log: TrackLog, times: FrameTimes) {
    this.#tracker = tracker;
    this.#log = log;
    this.#times = times;
  }

  /** A job's first frame: nothing tracked yet. @throws PmrError INVALID_ARGUMENT for bad tracker options. */
  static start(options: TrackerOptions, timelineInterval: number): JobSession {
    return new JobSession(new Tracker<WireFace>(options), new TrackLog(timelineInterval), new FrameTimes());
  }

  /** The state as bytes, to restore with {@link JobSession.fromCheckpoint}. */
  checkpoint(): Uint8Array {
    const snapshot: JobSessionSnapshot = {
      version: CHECKPOINT_VERSION,
      next: this.next,
      detections: this.detections,
      tracks: this.tracks,
      tracker: this.#tracker.snapshot(),
      log: this.#log.snapshot(),
      times: this.#times.snapshot(),
    };
    return serialize(snapshot);
  }

  /** @throws PmrError INVALID_ARGUMENT when the bytes are not a checkpoint of this version. */
  static fromCheckpoint(bytes: Uint8Array): JobSession {
    let value: unknown;
    try {
      value = deserialize(bytes);
    } catch (err) {
      throw invalidArgument('tracker checkpoint unreadable', err);
    }
    const version = (value as Partial<JobSessionSnapshot> | null)?.version;
    if (version !== CHECKPOINT_VERSION)
      throw invalidArgument(`tracker checkpoint of version ${String(version)}, not ${CHECKPOINT_VERSION}`);
    const snapshot = value as JobSessionSnapshot;
    const session = new JobSession(
      Tracker.restore(snapshot.tracker),
      TrackLog.restore(snapshot.log),
      FrameTimes.restore(snapshot.times),
    );
    session.next = snapshot.next;
    session.detections = snapshot.detections;
    session.tracks = snapshot.tracks;
    return session;
  }

  /**
   * Track the job's next frame (or finish the job at the end mark) and return what to publish; the caller advances
   * `next`. @throws PmrError INVALID_ARGUMENT for a malformed face (nothing tracked).
   */
  track(jobId: string, frame: FrameFaces__Output): Publication[] {
    const out: Publication[] = [];
    const record = (assigned: ReadonlyArray<TrackedFace<WireFace>>): void => {
      for (const a of assigned) {
        const span = this.#times.get(a.frameIndex);
        if (span !== undefined) this.#log.record(a.trackId, span, a.face.box);
      }
    };
    const finish = (tracks: ReadonlyArray<FinishedTrack<WireFace>>): void => {
      for (const t of tracks) {
        record(t.lateAssigned);
        out.push(...this.#publications(jobId, t));
      }
    };
    if (frame.end) {
      finish(this.#tracker.finish());
      const done: PipelineResult = {
        jobId,
        trackingDone: { tracks: this.tracks, analysedFrames: frame.frameIndex, detections: this.detections },
      };
      out.push(result(jobId, 'tracked', done));
      return out;
    }
    const faces = frame.faces.map((f, i) => wireFace(f, `faces[${i}]`));
    this.detections += faces.length;
    const span: FrameSpan = {
      sourceFirst: frame.sourceFirst,
      sourceLast: frame.sourceLast,
      pts: frame.pts,
      end: frame.ptsLast + frame.frameDuration,
    };
    this.#times.add(frame.frameIndex, span);
    if (frame.sceneCut) finish(this.#tracker.cut());
    const { assigned, finished } = this.#tracker.update(
      { index: frame.frameIndex, pts: frame.pts, width: frame.width, height: frame.height },
      faces,
    );
    record(assigned);
    finish(finished);
    const tracked = frame.frameIndex + 1;
    if (tracked % PROGRESS_EVERY === 0)
      out.push(result(jobId, `progress.tracked.${tracked}`, { jobId, progress: { framesAnalysed: tracked } }));
    return out;
  }

  /** What one finished track sends on: the track to the recognizers and attributes, its summary to the orchestrator. */
  #publications(jobId: string, track: FinishedTrack<WireFace>): Publication[] {
    const record = this.#log.take(track.trackId);
    if (record === undefined) return [];
    this.tracks++;
    const finished = finishedCodec.encode(finishedToMessage(jobId, track));
    const best = bestFace(track.selected.map((s) => s.face));
    const summary: PipelineResult = {
      jobId,
      track: {
        trackId: track.trackId,
        firstSeen: record.firstSeen,
        lastSeen: record.lastSeen,
        frames: { first: record.firstFrame, last: record.lastFrame, detections: record.detections },
        selected: track.selected.length,
        quality: best.quality.score,
        timeline: timelineToProto(record.timeline),
        bestChip: best.message.chip,
      },
    };
    return [
      { subject: pipelineSubjects.embed(jobId), data: finished, msgId: pipelineMsgIds.embed(jobId, track.trackId) },
      {
        subject: pipelineSubjects.describe(jobId),
        data: finished,
        msgId: pipelineMsgIds.describe(jobId, track.trackId),
      },
      result(jobId, `track.${track.trackId}`, summary),
    ];
  }
}

/** The job's failure, for the orchestrator: tracking cannot go on. */
export function failurePublication(jobId: string, message: string): Publication {
  return result(jobId, 'failure.track', { jobId, failure: { code: 'DATA_LOSS', message } });
}

function result(jobId: string, what: string, body: PipelineResult): Publication {
  return {
    subject: pipelineSubjects.results(jobId),
    data: resultCodec.encode(body),
    msgId: pipelineMsgIds.result(jobId, what),
  };
}
