// Turns decided tracks into the result's tracks and persons: unknown labels, per-person screen time.
// Pure: the identity decision and the clustering are done before and passed in.
import type { PersonJson, TimelinePoint, TrackAttributesJson, TrackJson } from './result.ts';
import { unionLength } from './intervals.ts';

export interface DecidedTrack {
  readonly id: number;
  readonly firstSeen: number;
  /** End of the last source frame the track covers, in seconds (exclusive end of its interval). */
  readonly lastSeen: number;
  readonly firstFrame: number;
  readonly lastFrame: number;
  readonly detections: number;
  readonly facesAnalysed: number;
  readonly quality: number;
  readonly identity: { readonly name: string | null; readonly similarity: number };
  readonly attributes: TrackAttributesJson;
  readonly timeline: readonly TimelinePoint[];
  readonly bestShot: string;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Label tracks and group them into persons. `unknownCluster[i]` is the stranger cluster (0-based, in order of first
 * appearance) of the i-th track whose identity has no name; tracks with a name ignore it.
 */
export function assemble(
  tracks: readonly DecidedTrack[],
  unknownCluster: readonly number[],
): { tracks: TrackJson[]; persons: PersonJson[] } {
  const ordered = tracks.toSorted((a, b) => a.firstSeen - b.firstSeen || a.id - b.id);
  const unknowns = ordered.filter((t) => t.identity.name === null);
  if (unknownCluster.length !== unknowns.length) {
    throw new Error(`assemble: ${unknowns.length} unknown tracks but ${unknownCluster.length} cluster labels`);
  }
  const clusterOf = new Map(unknowns.map((t, i) => [t.id, unknownCluster[i]!]));
  // Number strangers by first appearance so unknown-1 is the first stranger seen.
  const strangerNumber = new Map<number, number>();
  for (const t of unknowns) {
    const c = clusterOf.get(t.id)!;
    if (!strangerNumber.has(c)) strangerNumber.set(c, strangerNumber.size + 1);
  }
  const out: TrackJson[] = ordered.map((t) => ({
    id: t.id,
    label: t.identity.name ?? `unknown-${strangerNumber.get(clusterOf.get(t.id)!)!}`,
    identity: { name: t.identity.name, similarity: round3(t.identity.similarity) },
    firstSeen: round3(t.firstSeen),
    lastSeen: round3(t.lastSeen),
    frames: { first: t.firstFrame, last: t.lastFrame, detections: t.detections },
    facesAnalysed: t.facesAnalysed,
    quality: round3(t.quality),
    attributes: t.attributes,
    timeline: t.timeline,
    bestShot: t.bestShot,
  }));
  const byLabel = new Map<string, { name: string | null; tracks: DecidedTrack[] }>();
  for (let i = 0; i < ordered.length; i++) {
    const label = out[i]!.label;
    const entry = byLabel.get(label) ?? { name: ordered[i]!.identity.name, tracks: [] };
    entry.tracks.push(ordered[i]!);
    byLabel.set(label, entry);
  }
  const persons: PersonJson[] = [...byLabel].map(([label, { name, tracks: ts }]) => ({
    label,
    name,
    tracks: ts.map((t) => t.id),
    screenTime: round3(unionLength(ts.map((t) => [t.firstSeen, t.lastSeen] as const))),
    firstSeen: round3(Math.min(...ts.map((t) => t.firstSeen))),
    lastSeen: round3(Math.max(...ts.map((t) => t.lastSeen))),
  }));
  persons.sort((a, b) => b.screenTime - a.screenTime || a.firstSeen - b.firstSeen);
  return { tracks: out, persons };
}
