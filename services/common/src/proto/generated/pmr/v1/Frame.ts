// Original file: pmr/v1/frame.proto

import type { Image as _pmr_v1_Image, Image__Output as _pmr_v1_Image__Output } from '../../pmr/v1/Image.ts';
import type { ObjectRef as _pmr_v1_ObjectRef, ObjectRef__Output as _pmr_v1_ObjectRef__Output } from '../../pmr/v1/ObjectRef.ts';

/**
 * One decoded frame chosen for analysis: the message the decoder publishes per analysed frame. After
 * similar-frame skipping it stands for a range of source frames.
 */
export interface Frame {
  /**
   * The job the frame belongs to.
   */
  'jobId'?: (string);
  /**
   * Position among the analysed frames of the video, from 0, without gaps.
   */
  'index'?: (number);
  /**
   * Presentation time of this frame in seconds from the start of the video.
   */
  'pts'?: (number | string);
  /**
   * First source frame (from 0, inclusive) this frame stands for.
   */
  'sourceFirst'?: (number);
  /**
   * Last source frame (inclusive) this frame stands for.
   */
  'sourceLast'?: (number);
  /**
   * Presentation time of source_last in seconds.
   */
  'ptsLast'?: (number | string);
  /**
   * True when a hard cut separates this frame from the source frame before it: nothing on screen carries over.
   */
  'sceneCut'?: (boolean);
  /**
   * The picture itself (display orientation).
   */
  'image'?: (_pmr_v1_Image | null);
  /**
   * An object holding a serialized pmr.v1.Image, for frames larger than the NATS payload limit.
   */
  'imageRef'?: (_pmr_v1_ObjectRef | null);
  /**
   * Seconds the last source frame it stands for is shown: until the next source frame's timestamp, one nominal frame
   * period (1 / fps) for the video's last frame; 0 when unknown.
   */
  'frameDuration'?: (number | string);
  /**
   * The pixels: inline, or in the object store when the message would exceed the transport's payload limit.
   */
  'pixels'?: "image"|"imageRef";
}

/**
 * One decoded frame chosen for analysis: the message the decoder publishes per analysed frame. After
 * similar-frame skipping it stands for a range of source frames.
 */
export interface Frame__Output {
  /**
   * The job the frame belongs to.
   */
  'jobId': (string);
  /**
   * Position among the analysed frames of the video, from 0, without gaps.
   */
  'index': (number);
  /**
   * Presentation time of this frame in seconds from the start of the video.
   */
  'pts': (number);
  /**
   * First source frame (from 0, inclusive) this frame stands for.
   */
  'sourceFirst': (number);
  /**
   * Last source frame (inclusive) this frame stands for.
   */
  'sourceLast': (number);
  /**
   * Presentation time of source_last in seconds.
   */
  'ptsLast': (number);
  /**
   * True when a hard cut separates this frame from the source frame before it: nothing on screen carries over.
   */
  'sceneCut': (boolean);
  /**
   * The picture itself (display orientation).
   */
  'image'?: (_pmr_v1_Image__Output | null);
  /**
   * An object holding a serialized pmr.v1.Image, for frames larger than the NATS payload limit.
   */
  'imageRef'?: (_pmr_v1_ObjectRef__Output | null);
  /**
   * Seconds the last source frame it stands for is shown: until the next source frame's timestamp, one nominal frame
   * period (1 / fps) for the video's last frame; 0 when unknown.
   */
  'frameDuration': (number);
  /**
   * The pixels: inline, or in the object store when the message would exceed the transport's payload limit.
   */
  'pixels'?: "image"|"imageRef";
}
