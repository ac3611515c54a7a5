// One Track stream's state: the job it belongs to and its tracker, created from the first message. No I/O.
import { invalidArgument } from '@pmr/common';
import { Tracker } from '../tracker.ts';
import type { TrackRequest__Output, TrackResponse } from './common-bridge.ts';
import { finishedToMessage, settingsToOptions, trackedToMessage, wireFace, type WireFace } from './track-messages.ts';

export class TrackSession {
  private tracker: Tracker<WireFace> | undefined;
  private jobId = '';
  private lastFrame = 0;
  /** Faces received and tracks finished so far (metrics, logs). */
  faces = 0;
  finishedTracks = 0;

  /**
   * One frame's detections in, its response out. The first message sets the job and the settings.
   * @throws PmrError INVALID_ARGUMENT for bad settings, a changed job_id, a frame earlier than the previous one
   *   or a malformed face.
   */
  update(request: TrackRequest__Output): TrackResponse {
    if (this.tracker === undefined) {
      this.jobId = request.jobId;
      this.tracker = new Tracker<WireFace>(settingsToOptions(request.settings));
    } else if (request.jobId !== this.jobId) {
      throw invalidArgument(
        `job_id changed within the stream: ${JSON.stringify(request.jobId)} after ${JSON.stringify(this.jobId)}`,
      );
    }
    const faces = request.faces.map((f, i) => wireFace(f, `frame ${request.frameIndex} faces[${i}]`));
    const update = this.tracker.update(
      { index: request.frameIndex, pts: request.pts, width: request.frameWidth, height: request.frameHeight },
      faces,
    );
    this.lastFrame = request.frameIndex;
    this.faces += faces.length;
    this.finishedTracks += update.finished.length;
    return {
      frameIndex: request.frameIndex,
      assigned: update.assigned.map((a) => trackedToMessage(this.jobId, a)),
      finished: update.finished.map((t) => finishedToMessage(this.jobId, t)),
      end: false,
    };
  }

  /** The end message: every track still alive finished (none when no frame came). */
  finish(): TrackResponse {
    const finished = this.tracker?.finish() ?? [];
    this.finishedTracks += finished.length;
    return {
      frameIndex: this.lastFrame,
      assigned: [],
      finished: finished.map((t) => finishedToMessage(this.jobId, t)),
      end: true,
    };
  }
}
