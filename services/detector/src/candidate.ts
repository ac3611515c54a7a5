import type { Box, Landmarks5, Point } from '@pmr/common';

/** One raw detection before NMS: box and landmarks in the coordinates of the tensor it was decoded from. */
export interface FaceCandidate {
  readonly box: Box;
  readonly landmarks: Landmarks5;
  readonly score: number;
}

/** Output tensors of a detector by name (e.g. `cls_8`), as flat float32 arrays. */
export type OutputMap = Readonly<Record<string, Float32Array | undefined>>;

export const STRIDES = [8, 16, 32] as const;

export function requireOutput(outputs: OutputMap, name: string, length: number): Float32Array {
  const t = outputs[name];
  if (t === undefined) throw new Error(`detector output ${name} is missing`);
  if (t.length !== length) throw new Error(`detector output ${name} has ${t.length} values, expected ${length}`);
  return t;
}

/** Build the 5 landmarks from a function of the landmark index. */
export function makeLandmarks(at: (k: number) => Point): Landmarks5 {
  return [at(0), at(1), at(2), at(3), at(4)];
}
