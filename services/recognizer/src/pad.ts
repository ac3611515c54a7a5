// Padding an image with a constant border, for detecting faces in tight crops. Pure.

import type { DetectedFace, Point, RgbImage } from '@pmr/common';

/** A copy of `image` with `border` pixels of colour `fill` added on every side. */
export function padImage(
  image: RgbImage,
  border: number,
  fill: readonly [number, number, number] = [0, 0, 0],
): RgbImage {
  const b = Math.max(0, Math.round(border));
  const width = image.width + 2 * b;
  const height = image.height + 2 * b;
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set(fill, i * 3);
  const row = image.width * 3;
  for (let y = 0; y < image.height; y++)
    data.set(image.data.subarray(y * row, (y + 1) * row), ((y + b) * width + b) * 3);
  return { width, height, data };
}

/** Move a face found in an image padded by `border` back to the coordinates of the unpadded image. */
export function unpadFace(face: DetectedFace, border: number): DetectedFace {
  const b = Math.max(0, Math.round(border));
  const shift = (p: Point): Point => ({ x: p.x - b, y: p.y - b });
  const [l0, l1, l2, l3, l4] = face.landmarks;
  return {
    ...face,
    box: { ...face.box, x: face.box.x - b, y: face.box.y - b },
    landmarks: [shift(l0), shift(l1), shift(l2), shift(l3), shift(l4)],
  };
}
