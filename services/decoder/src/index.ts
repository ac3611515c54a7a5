// Public API of the decoder stage: probing, frame streaming with similar-frame skipping, and the pure measures.
export { probeVideo } from './probe.ts';
export { decodeVideo, openVideoCount, type DecodedVideo, type DecodeOutcome } from './decode.ts';
export type { DecodeOptions } from './decode-options.ts';
export { measureDecodeFps, type DecodeSpeed } from './measure.ts';
export { VideoWriter, type VideoWriterOptions } from './media/video-writer.ts';
export { setLibavLogSink, type LibavLogSink } from './media/libav-log.ts';
export type { VideoInfo } from './video-info.ts';
export { HWACCEL_CHOICES, isHwaccelChoice, type HwaccelChoice } from './hwaccel-choice.ts';
export { colorHistogram, histogramDistance } from './histogram.ts';
export { ssim } from './ssim.ts';
export { downscaleRgb, grayOf, type GrayImage } from './thumbnail.ts';
export { FrameSkipper, type FrameSkipperOptions, type KeptRange, type PushResult } from './frame-skipper.ts';
export {
  DEFAULT_SKIP,
  DEFAULT_THRESHOLDS,
  frameSignature,
  signatureDistance,
  type FrameSignature,
  type SkipMethod,
  type SkipOptions,
} from './frame-signature.ts';
export { SceneCutDetector, DEFAULT_CUT_THRESHOLD } from './scene-cut.ts';
