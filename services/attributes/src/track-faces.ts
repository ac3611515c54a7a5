// Which of a track's selected faces get expression, age and gender: the best few by quality. The embedded runtime
// and the attributes service both ask this module, so the two runtimes describe the same faces.

/** How many of a track's selected faces (the best by quality) get expression, age and gender. */
export const ATTRIBUTE_FACES = 3;

/**
 * Indices into `qualities` of the faces to describe, ascending (the track's time order): the `count` highest
 * qualities, ties going to the earlier face.
 */
export function attributeFaceIndices(qualities: readonly number[], count: number = ATTRIBUTE_FACES): number[] {
  return qualities
    .map((q, i) => ({ q, i }))
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .slice(0, count)
    .map((f) => f.i)
    .sort((a, b) => a - b);
}
