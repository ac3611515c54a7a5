// Letterbox geometry: fit an image into a detector input, and map detections back to image pixels.
import type { Box, Landmarks5, Point } from '@pmr/common';
import { invalidArgument } from '@pmr/common';

/** How an image of `width`×`height` is placed in the network input. */
export interface Letterbox {
  /** Image pixels are multiplied by this to get network-input pixels (same on both axes). */
  readonly scale: number;
  /** Size of the resized image, placed at the top-left of the input. */
  readonly resizedWidth: number;
  readonly resizedHeight: number;
  /** Padded network-input size: the resized size rounded up to a multiple of `multiple`. */
  readonly inputWidth: number;
  readonly inputHeight: number;
}

/**
 * Scale the longest side of the image to `targetSize` (aspect kept), but enlarge by at most `maxScale`; place it
 * at the top-left, and pad the right/bottom up to a multiple of `multiple` (32 for YuNet and SCRFD, whose coarsest
 * stride is 32).
 */
export function computeLetterbox(
  width: number,
  height: number,
  targetSize: number,
  multiple = 32,
  maxScale = Infinity,
): Letterbox {
  if (!(width > 0 && height > 0)) throw invalidArgument(`image size must be positive, got ${width}x${height}`);
  if (!(targetSize >= multiple)) throw invalidArgument(`input size must be at least ${multiple}, got ${targetSize}`);
  if (!(maxScale > 0)) throw invalidArgument(`maximum scale must be positive, got ${maxScale}`);
  const scale = Math.min(targetSize / Math.max(width, height), maxScale);
  const resizedWidth = Math.min(targetSize, Math.max(1, Math.round(width * scale)));
  const resizedHeight = Math.min(targetSize, Math.max(1, Math.round(height * scale)));
  return {
    scale,
    resizedWidth,
    resizedHeight,
    inputWidth: Math.ceil(resizedWidth / multiple) * multiple,
    inputHeight: Math.ceil(resizedHeight / multiple) * multiple,
  };
}

/**
 * Network-input coordinates back to image pixels. Coordinates are continuous (pixel edges at integers), so the
 * inverse of the resize is a plain division by the scale.
 */
export function pointToImage(p: Point, lb: Letterbox): Point {
  return { x: p.x / lb.scale, y: p.y / lb.scale };
}

export function boxToImage(b: Box, lb: Letterbox): Box {
  return { x: b.x / lb.scale, y: b.y / lb.scale, width: b.width / lb.scale, height: b.height / lb.scale };
}

export function landmarksToImage(l: Landmarks5, lb: Letterbox): Landmarks5 {
  return [
    pointToImage(l[0], lb),
    pointToImage(l[1], lb),
    pointToImage(l[2], lb),
    pointToImage(l[3], lb),
    pointToImage(l[4], lb),
  ];
}
