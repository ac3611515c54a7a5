// The last step of every job, in both runtimes: group the unknown tracks into strangers and assemble tracks and
// persons. Pure.
import { clusterUnknowns } from '@pmr/recognizer';
import { assemble } from './assemble.ts';
import type { AnalysedTrack } from './decide-track.ts';
import type { PersonJson, TrackJson } from './result.ts';

export interface GroupingOptions {
  readonly clusterThreshold: number;
  /** Unknown tracks whose best face has a lower quality are never grouped with another track. */
  readonly clusterMinQuality: number;
}

export function groupTracks(
  analysed: readonly AnalysedTrack[],
  options: GroupingOptions,
): { tracks: TrackJson[]; persons: PersonJson[] } {
  const unknown = analysed
    .filter((a) => a.decided.identity.name === null)
    .toSorted((a, b) => a.decided.firstSeen - b.decided.firstSeen || a.decided.id - b.decided.id);
  // Two tracks on screen at the same time are two people; a track whose best face is too poor to compare stays alone.
  const apart = (i: number, j: number): boolean => {
    const a = unknown[i]!.decided;
    const b = unknown[j]!.decided;
    if (a.quality < options.clusterMinQuality || b.quality < options.clusterMinQuality) return true;
    return Math.max(a.firstSeen, b.firstSeen) < Math.min(a.lastSeen, b.lastSeen);
  };
  const clusters = clusterUnknowns(
    unknown.map((a) => a.embedding),
    options.clusterThreshold,
    apart,
  );
  return assemble(
    analysed.map((a) => a.decided),
    clusters,
  );
}
