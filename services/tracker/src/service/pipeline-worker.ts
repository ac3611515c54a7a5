// The tracker's JetStream side: consumes pmr.faces.<job> (one FrameFaces per analysed frame, from any detector, in
// any order, plus the decoder's end mark), tracks each job's faces strictly in frame order, and publishes each
// finished track: the track (with its selected faces' chips) to the recognizers and the attributes service, and its
// summary (span, box timeline, best chip) to the orchestrator.
//
// Order: a message that arrives early is held, unacked, until the frames before it are tracked (the consumer's
// heartbeat keeps it from being redelivered meanwhile). Idempotency: a frame already tracked is acked and ignored;
// everything a frame produces is computed once, then published with message ids until the broker takes it (a broker
// restart only delays it). A job's state lives in this process: a tracker restart loses its open jobs. A job whose
// messages stop coming (its decoder failed, it was cancelled) is dropped after `sessionIdleMs`, its held messages
// terminated, so a failed job never holds the tracker's memory.
import type { Logger } from '@pmr/common/logger';
import {
  messageCodec,
  type ConsumerHandle,
  type DeliveredMessage,
  type HandlerOutcome,
  type JetStreamBus,
} from '@pmr/common/messaging';
import { pipelineMsgIds, pipelineSubjects, decodeJobMessage, PIPELINE_CONSUMERS } from '@pmr/common/pipeline';
import { timelineToProto } from '@pmr/common/proto';
import type { FrameFaces__Output } from '@pmr/common/proto/generated/pmr/v1/FrameFaces.ts';
import type { PipelineResult } from '@pmr/common/proto/generated/pmr/v1/PipelineResult.ts';
import { FrameTimes, type FrameSpan } from '../frame-times.ts';
import { bestFace } from '../face-selector.ts';
import { TrackLog } from '../track-log.ts';
import { Tracker } from '../tracker.ts';
import type { TrackerOptions } from '../options.ts';
import type { FinishedTrack, TrackedFace } from '../types.ts';
import { finishedToMessage, wireFace, type WireFace } from './track-messages.ts';

const frameFacesCodec = messageCodec('pmr.v1.FrameFaces');
const finishedCodec = messageCodec('pmr.v1.FinishedTrack');
const resultCodec = messageCodec('pmr.v1.PipelineResult');

/** Progress goes to the orchestrator every this many tracked frames. */
const PROGRESS_EVERY = 25;

export interface TrackerWorkerOptions {
  readonly bus: JetStreamBus;
  readonly logger: Logger;
  /** Seconds between box-timeline samples (the embedded runtime's default is 0.5). */
  readonly timelineInterval: number;
  readonly tracker?: TrackerOptions;
  /** Most faces messages held at once (early arrivals waiting for their turn, over all jobs). */
  readonly maxHeld?: number;
  /** A job that received no faces message and tracked no frame for this long is dropped (default 15 minutes). */
  readonly sessionIdleMs?: number;
  readonly onFrame?: (faces: number) => void;
  readonly onTrack?: () => void;
  /** Told the number of jobs held open whenever it changes (a gauge). */
  readonly onOpenJobs?: (open: number) => void;
}

/** How long a job may go without a message before the tracker drops it. */
export const DEFAULT_SESSION_IDLE_MS = 15 * 60_000;

interface Publication {
  readonly subject: string;
  readonly data: Uint8Array;
  readonly msgId: string;
}

interface Waiting {
  readonly frame: FrameFaces__Output;
  readonly settle: Array<(outcome: HandlerOutcome) => void>;
}

class JobSession {
  readonly tracker: Tracker<WireFace>;
  readonly log: TrackLog;
  readonly times = new FrameTimes();
  readonly waiting = new Map<number, Waiting>();
  next = 0;
  detections = 0;
  tracks = 0;
  chain: Promise<void> = Promise.resolve();
  /** When a message for the job last arrived or a frame of it was tracked (performance.now()). */
  lastActive = performance.now();

  constructor(options: TrackerWorkerOptions) {
    this.tracker = new Tracker<WireFace>(options.tracker ?? {});
    this.log = new TrackLog(options.timelineInterval);
  }
}

/** Everything one finished track sends on. */
function trackPublications(jobId: string, session: JobSession, track: FinishedTrack<WireFace>): Publication[] {
  const record = session.log.take(track.trackId);
  if (record === undefined) return [];
  session.tracks++;
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
    { subject: pipelineSubjects.describe(jobId), data: finished, msgId: pipelineMsgIds.describe(jobId, track.trackId) },
    {
      subject: pipelineSubjects.results(jobId),
      data: resultCodec.encode(summary),
      msgId: pipelineMsgIds.result(jobId, `track.${track.trackId}`),
    },
  ];
}

/** Track one frame (or finish the job at the end mark); the same steps, in the same order, as the embedded runtime. */
function trackFrame(jobId: string, session: JobSession, frame: FrameFaces__Output): Publication[] {
  const out: Publication[] = [];
  const finish = (tracks: ReadonlyArray<FinishedTrack<WireFace>>): void => {
    for (const t of tracks) {
      record(t.lateAssigned);
      out.push(...trackPublications(jobId, session, t));
    }
  };
  const record = (assigned: ReadonlyArray<TrackedFace<WireFace>>): void => {
    for (const a of assigned) {
      const span = session.times.get(a.frameIndex);
      if (span !== undefined) session.log.record(a.trackId, span, a.face.box);
    }
  };
  if (frame.end) {
    finish(session.tracker.finish());
    const done: PipelineResult = {
      jobId,
      trackingDone: { tracks: session.tracks, analysedFrames: frame.frameIndex, detections: session.detections },
    };
    out.push({
      subject: pipelineSubjects.results(jobId),
      data: resultCodec.encode(done),
      msgId: pipelineMsgIds.result(jobId, 'tracked'),
    });
    return out;
  }
  const faces = frame.faces.map((f, i) => wireFace(f, `faces[${i}]`));
  session.detections += faces.length;
  const span: FrameSpan = {
    sourceFirst: frame.sourceFirst,
    sourceLast: frame.sourceLast,
    pts: frame.pts,
    end: frame.ptsLast + frame.frameDuration,
  };
  session.times.add(frame.frameIndex, span);
  if (frame.sceneCut) finish(session.tracker.cut());
  const { assigned, finished } = session.tracker.update(
    { index: frame.frameIndex, pts: frame.pts, width: frame.width, height: frame.height },
    faces,
  );
  record(assigned);
  finish(finished);
  if ((frame.frameIndex + 1) % PROGRESS_EVERY === 0) {
    const progress: PipelineResult = { jobId, progress: { framesAnalysed: frame.frameIndex + 1 } };
    out.push({
      subject: pipelineSubjects.results(jobId),
      data: resultCodec.encode(progress),
      msgId: pipelineMsgIds.result(jobId, `progress.tracked.${frame.frameIndex + 1}`),
    });
  }
  return out;
}

export async function startTrackerWorker(options: TrackerWorkerOptions): Promise<ConsumerHandle> {
  const { bus, logger } = options;
  const sessions = new Map<string, JobSession>();
  const idleMs = options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
  let stopping = false;

  const drop = (jobId: string): void => {
    sessions.delete(jobId);
    options.onOpenJobs?.(sessions.size);
  };
  /** Drops the jobs nothing happened to for idleMs, terminating the messages they held (they can never be tracked). */
  const dropIdle = (): void => {
    const now = performance.now();
    for (const [jobId, session] of sessions) {
      if (now - session.lastActive < idleMs) continue;
      const reason = `job ${jobId} abandoned: no faces message for ${Math.round(idleMs / 1000)} s (waiting for frame ${session.next})`;
      for (const w of session.waiting.values()) for (const settle of w.settle) settle({ term: reason });
      session.waiting.clear();
      drop(jobId);
      logger.warn({ jobId, next: session.next, tracks: session.tracks }, 'job dropped: no message for too long');
    }
  };
  const sweeper = setInterval(dropIdle, Math.max(10, Math.min(60_000, idleMs / 2)));
  sweeper.unref();

  /** Publish until the broker has it: a broker restart must not lose a frame's results. */
  const publishDurably = async (p: Publication): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await bus.publish(p.subject, p.data, { msgId: p.msgId });
        return;
      } catch (err) {
        if (stopping) throw err;
        logger.warn({ err, subject: p.subject, attempt }, 'publish failed; retrying');
        await new Promise((r) => setTimeout(r, Math.min(5000, 250 * attempt)));
      }
    }
  };

  const pump = (jobId: string, session: JobSession): void => {
    session.chain = session.chain.then(async () => {
      for (let w = session.waiting.get(session.next); w !== undefined; w = session.waiting.get(session.next)) {
        session.waiting.delete(session.next);
        let outcome: HandlerOutcome = 'ack';
        try {
          const tracksBefore = session.tracks;
          const publications = trackFrame(jobId, session, w.frame);
          for (const p of publications) await publishDurably(p);
          options.onFrame?.(w.frame.faces.length);
          for (let t = tracksBefore; t < session.tracks; t++) options.onTrack?.();
        } catch (err) {
          // A malformed face inside an otherwise valid message: the frame counts as empty, the job goes on.
          logger.warn({ err, jobId, frame: w.frame.frameIndex }, 'frame not tracked');
          outcome = { term: `frame ${w.frame.frameIndex}: ${err instanceof Error ? err.message : String(err)}` };
        }
        session.next++;
        session.lastActive = performance.now();
        for (const settle of w.settle) settle(outcome);
        if (w.frame.end) {
          if (sessions.get(jobId) === session) drop(jobId);
          logger.info({ jobId, tracks: session.tracks, frames: w.frame.frameIndex }, 'job tracked');
          return;
        }
      }
    });
  };

  const handler = async (message: DeliveredMessage): Promise<HandlerOutcome> => {
    const decoded = decodeJobMessage(frameFacesCodec, message);
    if ('term' in decoded) return decoded;
    const { jobId, body: frame } = decoded;
    let session = sessions.get(jobId);
    if (session === undefined) {
      session = new JobSession(options);
      sessions.set(jobId, session);
      options.onOpenJobs?.(sessions.size);
    }
    session.lastActive = performance.now();
    if (frame.frameIndex < session.next) return 'ack'; // tracked already: a redelivery
    return new Promise<HandlerOutcome>((resolve) => {
      const held = session.waiting.get(frame.frameIndex);
      if (held !== undefined) held.settle.push(resolve);
      else session.waiting.set(frame.frameIndex, { frame, settle: [resolve] });
      pump(jobId, session);
    });
  };

  const handle = await bus.consume({
    ...PIPELINE_CONSUMERS.tracker,
    maxAckPending: options.maxHeld ?? 512,
    ackWaitMs: 30_000,
    maxDeliver: 10,
    pullExpiresMs: 5000,
    handler,
  });
  return {
    inFlight: () => handle.inFlight(),
    async stop() {
      stopping = true;
      clearInterval(sweeper);
      // Held messages are given back (nak) so another tracker, or this one restarted, gets them.
      for (const session of sessions.values()) {
        for (const w of session.waiting.values()) for (const settle of w.settle) settle({ nak: 0 });
        session.waiting.clear();
      }
      await handle.stop();
    },
  };
}
