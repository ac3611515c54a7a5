// WatchJob is pushed, not polled: every write to a job through the store the orchestrator uses is announced, in this
// process and, on plain NATS (pmr.jobs.changed), to the other orchestrators sharing the store, and a watch wakes up on
// its job's announcements. A slow fallback read still runs, so an announcement lost with a broken connection only
// delays a watch.
import { messageCodec, type JetStreamBus } from '@pmr/common/messaging';
import type { AnalysisResult, TrackJson } from '@pmr/results';
import type { JobStore } from '@pmr/store';

/** Announcements of job changes, and waiting for them. */
export interface JobChanges {
  /** Tell every watcher (here and, where there is a bus, in other orchestrators) that the job changed. */
  announce(jobId: string): void;
  /** Resolves at the job's next announcement, after `fallbackMs`, or when `signal` aborts, whichever comes first. */
  next(jobId: string, signal: AbortSignal, fallbackMs: number): Promise<void>;
  /** Stop listening to the bus. */
  close(): void;
}

const SUBJECT = 'pmr.jobs.changed';

/** Announcements within this process; with `bus`, also to and from every orchestrator on the same NATS. */
export function jobChanges(bus?: Pick<JetStreamBus, 'broadcast' | 'subscribe'>): JobChanges {
  const waiting = new Map<string, Set<() => void>>();
  const wake = (jobId: string): void => {
    const wakers = waiting.get(jobId);
    waiting.delete(jobId);
    for (const w of wakers ?? []) w();
  };
  const codec = messageCodec('pmr.v1.JobChanged');
  const unsubscribe = bus?.subscribe(SUBJECT, (data) => {
    try {
      wake(codec.decode(data).jobId);
    } catch {
      // not an announcement: nothing to wake
    }
  });
  return {
    announce(jobId) {
      if (bus === undefined) wake(jobId);
      else bus.broadcast(SUBJECT, codec.encode({ jobId })); // comes back to this process too
    },
    next(jobId, signal, fallbackMs) {
      return new Promise((resolve) => {
        const wakers = waiting.get(jobId) ?? new Set<() => void>();
        waiting.set(jobId, wakers);
        const done = (): void => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          wakers.delete(done);
          if (wakers.size === 0 && waiting.get(jobId) === wakers) waiting.delete(jobId);
          resolve();
        };
        const timer = setTimeout(done, fallbackMs);
        signal.addEventListener('abort', done);
        wakers.add(done);
      });
    },
    close() {
      unsubscribe?.();
    },
  };
}

/** `store`, announcing each write to a job (state, progress, warnings, tracks, result) once it is stored. */
export function announcingStore(store: JobStore, changes: Pick<JobChanges, 'announce'>): JobStore {
  const announced = async <T>(jobId: string, write: Promise<T>): Promise<T> => {
    const out = await write;
    changes.announce(jobId);
    return out;
  };
  return {
    createJob: (input) => store.createJob(input),
    getJob: (jobId) => store.getJob(jobId),
    listJobs: (input) => store.listJobs(input),
    updateState: (jobId, input) => announced(jobId, store.updateState(jobId, input)),
    recordProgress: (jobId, progress) => announced(jobId, store.recordProgress(jobId, progress)),
    addWarning: (jobId, warning) => announced(jobId, store.addWarning(jobId, warning)),
    putTrack: (jobId, track: TrackJson) => announced(jobId, store.putTrack(jobId, track)),
    listTracks: (jobId, input) => store.listTracks(jobId, input),
    putResult: (jobId, result: AnalysisResult) => announced(jobId, store.putResult(jobId, result)),
    getResult: (jobId) => store.getResult(jobId),
    putPart: (jobId, key, value) => store.putPart(jobId, key, value),
    getParts: (jobId, prefix) => store.getParts(jobId, prefix),
    putGallery: (digest, photos) => store.putGallery(digest, photos),
    getGalleryIndex: (digest) => store.getGalleryIndex(digest),
    getGalleryPhoto: (digest, index) => store.getGalleryPhoto(digest, index),
    deleteEndedBefore: (before) => store.deleteEndedBefore(before),
    jobsToResume: () => store.jobsToResume(),
    close: () => store.close(),
  };
}
