// Original file: pmr/v1/pipeline.proto


/**
 * The tracker's last word on a job: every finished track has been published.
 */
export interface TrackingDone {
  /**
   * Tracks published (TrackSummary and FinishedTrack messages).
   */
  'tracks'?: (number);
  /**
   * Analysed frames tracked.
   */
  'analysedFrames'?: (number);
  /**
   * Faces detected over the job.
   */
  'detections'?: (number);
}

/**
 * The tracker's last word on a job: every finished track has been published.
 */
export interface TrackingDone__Output {
  /**
   * Tracks published (TrackSummary and FinishedTrack messages).
   */
  'tracks': (number);
  /**
   * Analysed frames tracked.
   */
  'analysedFrames': (number);
  /**
   * Faces detected over the job.
   */
  'detections': (number);
}
