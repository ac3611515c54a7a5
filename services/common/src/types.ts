// Data shapes shared by every stage. Plain data: no classes, no transport.

/** A packed RGB24 image: `data.length === width * height * 3`, row-major, no padding. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Axis-aligned box in pixels: top-left corner plus size. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The five face landmarks, in the order every detector emits them:
 * image-left eye, image-right eye, nose tip, image-left mouth corner, image-right mouth corner.
 */
export type Landmarks5 = readonly [Point, Point, Point, Point, Point];

/** One decoded frame chosen for analysis. */
export interface Frame {
  /** Position among the analysed frames of this video, from 0. */
  readonly index: number;
  /** Presentation time of this frame, in seconds from the start of the video. */
  readonly pts: number;
  /** First and last source frame (inclusive, from 0) this frame stands for after similar-frame skipping. */
  readonly sourceFirst: number;
  readonly sourceLast: number;
  /** Presentation time of the last source frame it stands for, in seconds. */
  readonly ptsLast: number;
  /**
   * Seconds that last source frame is shown: until the next source frame's timestamp (on variable-rate video the gaps
   * differ), one nominal frame period (1 / fps) for the video's last frame.
   */
  readonly lastDuration: number;
  /** True when a hard cut separates this frame from the source frame before it: nothing on screen carries over. */
  readonly sceneCut: boolean;
  readonly image: RgbImage;
}

/** How usable a face is for recognition; each part in [0, 1]. */
export interface FaceQuality {
  readonly score: number;
  readonly detector: number;
  readonly size: number;
  readonly sharpness: number;
  readonly frontalness: number;
}

/** A face found by the detector, with its 112×112 chip aligned to the ArcFace template. */
export interface DetectedFace {
  readonly box: Box;
  readonly landmarks: Landmarks5;
  readonly score: number;
  readonly quality: FaceQuality;
  readonly chip: RgbImage;
}

export type Gender = 'female' | 'male';

export const EXPRESSIONS = ['angry', 'disgust', 'fearful', 'happy', 'neutral', 'sad', 'surprised'] as const;
export type Expression = (typeof EXPRESSIONS)[number];

/** Attributes of one analysed face. Age and gender are filled when an age/gender model is configured. */
export interface FaceAttributes {
  readonly expression: {
    readonly value: Expression;
    readonly confidence: number;
    readonly scores: Readonly<Record<Expression, number>>;
  };
  readonly age: { readonly value: number; readonly low: number; readonly high: number } | null;
  readonly gender: { readonly value: Gender; readonly confidence: number } | null;
}

/** One sample of a track's box timeline. */
export interface TimelinePoint {
  /** Seconds from the start of the video. */
  readonly t: number;
  /** [x, y, width, height] in source pixels, rounded to 0.1 px. */
  readonly box: readonly [number, number, number, number];
}
