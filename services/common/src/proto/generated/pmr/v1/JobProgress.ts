// Original file: pmr/v1/job.proto


/**
 * How far a job has got.
 */
export interface JobProgress {
  /**
   * Frames decoded from the source so far.
   */
  'framesDecoded'?: (number);
  /**
   * Analysed frames whose faces have been detected and tracked so far.
   */
  'framesAnalysed'?: (number);
  /**
   * Source frames the video is expected to have (an estimate when the container does not say); 0 when unknown.
   */
  'framesTotal'?: (number);
  /**
   * Fraction done in [0, 1].
   */
  'fraction'?: (number | string);
  /**
   * Tracks finished and assembled so far.
   */
  'tracksFinished'?: (number);
}

/**
 * How far a job has got.
 */
export interface JobProgress__Output {
  /**
   * Frames decoded from the source so far.
   */
  'framesDecoded': (number);
  /**
   * Analysed frames whose faces have been detected and tracked so far.
   */
  'framesAnalysed': (number);
  /**
   * Source frames the video is expected to have (an estimate when the container does not say); 0 when unknown.
   */
  'framesTotal': (number);
  /**
   * Fraction done in [0, 1].
   */
  'fraction': (number);
  /**
   * Tracks finished and assembled so far.
   */
  'tracksFinished': (number);
}
