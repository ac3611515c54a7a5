// Original file: pmr/v1/decoder_service.proto

import type { SkipMethod as _pmr_v1_SkipMethod, SkipMethod__Output as _pmr_v1_SkipMethod__Output } from '../../pmr/v1/SkipMethod.ts';
import type { ImageEncoding as _pmr_v1_ImageEncoding, ImageEncoding__Output as _pmr_v1_ImageEncoding__Output } from '../../pmr/v1/ImageEncoding.ts';

/**
 * Request of DecoderService.DecodeVideo. Unset optional fields take the decoder's documented defaults.
 */
export interface DecodeVideoRequest {
  /**
   * The job the frames belong to; copied into every Frame.
   */
  'jobId'?: (string);
  /**
   * A path under one of the decoder's roots, or a URL with an allowed scheme.
   */
  'source'?: (string);
  /**
   * Analysis rate in frames per second (at least 0.001); unset: every source frame.
   */
  'fps'?: (number | string);
  /**
   * Similar-frame skipping method.
   */
  'skipMethod'?: (_pmr_v1_SkipMethod);
  /**
   * Distance below which a frame counts as similar to the last analysed one; unset: the method's default.
   */
  'skipThreshold'?: (number | string);
  /**
   * However still the picture, a frame is analysed at least every this many source frames; unset: about 0.25 s.
   */
  'maxGap'?: (number);
  /**
   * Stop after this many analysed frames; unset: no limit.
   */
  'maxFrames'?: (number);
  /**
   * Histogram distance from the previous decoded frame that marks a scene cut; unset: the default.
   */
  'cutThreshold'?: (number | string);
  /**
   * Encoding of the frames' pixels: RGB24 (default when unspecified) or JPEG.
   */
  'encoding'?: (_pmr_v1_ImageEncoding);
  '_fps'?: "fps";
  '_skipThreshold'?: "skipThreshold";
  '_maxGap'?: "maxGap";
  '_maxFrames'?: "maxFrames";
  '_cutThreshold'?: "cutThreshold";
}

/**
 * Request of DecoderService.DecodeVideo. Unset optional fields take the decoder's documented defaults.
 */
export interface DecodeVideoRequest__Output {
  /**
   * The job the frames belong to; copied into every Frame.
   */
  'jobId': (string);
  /**
   * A path under one of the decoder's roots, or a URL with an allowed scheme.
   */
  'source': (string);
  /**
   * Analysis rate in frames per second (at least 0.001); unset: every source frame.
   */
  'fps'?: (number);
  /**
   * Similar-frame skipping method.
   */
  'skipMethod': (_pmr_v1_SkipMethod__Output);
  /**
   * Distance below which a frame counts as similar to the last analysed one; unset: the method's default.
   */
  'skipThreshold'?: (number);
  /**
   * However still the picture, a frame is analysed at least every this many source frames; unset: about 0.25 s.
   */
  'maxGap'?: (number);
  /**
   * Stop after this many analysed frames; unset: no limit.
   */
  'maxFrames'?: (number);
  /**
   * Histogram distance from the previous decoded frame that marks a scene cut; unset: the default.
   */
  'cutThreshold'?: (number);
  /**
   * Encoding of the frames' pixels: RGB24 (default when unspecified) or JPEG.
   */
  'encoding': (_pmr_v1_ImageEncoding__Output);
  '_fps'?: "fps";
  '_skipThreshold'?: "skipThreshold";
  '_maxGap'?: "maxGap";
  '_maxFrames'?: "maxFrames";
  '_cutThreshold'?: "cutThreshold";
}
