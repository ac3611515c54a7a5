// Original file: pmr/v1/result.proto

import type { Box as _pmr_v1_Box, Box__Output as _pmr_v1_Box__Output } from '../../pmr/v1/Box.ts';

/**
 * One point of a track's box timeline.
 */
export interface TimelinePoint {
  /**
   * Seconds from the start of the video.
   */
  't'?: (number | string);
  /**
   * Box in source pixels.
   */
  'box'?: (_pmr_v1_Box | null);
}

/**
 * One point of a track's box timeline.
 */
export interface TimelinePoint__Output {
  /**
   * Seconds from the start of the video.
   */
  't': (number);
  /**
   * Box in source pixels.
   */
  'box': (_pmr_v1_Box__Output | null);
}
