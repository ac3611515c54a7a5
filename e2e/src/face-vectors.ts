// Synthetic face embeddings for the collection-search benchmark: seeded, so every run scores the same vectors.

/** A seeded uniform generator on [0, 1) (mulberry32). */
export function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded standard normal generator (Box–Muller, both values of each pair used). */
export function gaussian(seed: number): () => number {
  const next = uniform(seed);
  let spare = NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const value = spare;
      spare = NaN;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    const angle = 2 * Math.PI * next();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

function normalise(v: Float32Array, at: number, dim: number): void {
  let sum = 0;
  for (let j = 0; j < dim; j++) sum += v[at + j]! * v[at + j]!;
  const norm = Math.sqrt(sum);
  for (let j = 0; j < dim; j++) v[at + j] = v[at + j]! / norm;
}

/** `count` unit vectors drawn uniformly on the sphere, packed (vector i at i × dim). */
export function randomUnitVectors(count: number, dim: number, seed: number): Float32Array {
  const normal = gaussian(seed);
  const out = new Float32Array(count * dim);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < dim; j++) out[i * dim + j] = normal();
    normalise(out, i * dim, dim);
  }
  return out;
}

/**
 * Face-like vectors: `identities` random unit centres, and `count` noisy copies spread over them (vector i belongs to
 * identity i mod identities), each at a cosine to its centre drawn uniformly from [lo, hi] (default 0.6–0.8, as
 * MobileFaceNet embeddings of one person are). Two copies of one identity sit at about lo × hi…hi², so a query among
 * a thousand copies of its own identity has many near ties.
 */
export function clusteredVectors(
  count: number,
  dim: number,
  identities: number,
  seed: number,
  cosineRange: readonly [number, number] = [0.6, 0.8],
): Float32Array {
  const centres = randomUnitVectors(identities, dim, seed);
  const normal = gaussian(seed + 1);
  const next = uniform(seed + 2);
  const [lo, hi] = cosineRange;
  const out = new Float32Array(count * dim);
  for (let i = 0; i < count; i++) {
    const c = (i % identities) * dim;
    // centre + σ·noise with ‖noise‖² ≈ dim has cosine ≈ 1 / √(1 + σ² dim) to the centre.
    const cos = lo + (hi - lo) * next();
    const sigma = Math.sqrt((1 / (cos * cos) - 1) / dim);
    for (let j = 0; j < dim; j++) out[i * dim + j] = centres[c + j]! + sigma * normal();
    normalise(out, i * dim, dim);
  }
  return out;
}

/** Vector i of a packed block. */
export function vectorAt(packed: Float32Array, dim: number, i: number): Float32Array {
  return packed.subarray(i * dim, (i + 1) * dim);
}
