// Pure mappings between the video result (the `pmr analyze` JSON) and the pmr.v1 messages of the public API. JSON → proto → JSON gives back the same document, key order included: the track and result
// builders below list their fields in the order the embedded runtime writes them.
import { EXPRESSIONS, PmrError, type Expression, type Gender } from '@pmr/common';
import { CHIP_SIDE, timelineFromProto, timelineToProto } from '@pmr/common/proto';
import type { Expression as ExpressionProto } from '@pmr/common/proto/generated/pmr/v1/Expression.ts';
import type {
  GetJobResultResponse,
  GetJobResultResponse__Output,
} from '@pmr/common/proto/generated/pmr/v1/GetJobResultResponse.ts';
import type { Gender as GenderProto } from '@pmr/common/proto/generated/pmr/v1/Gender.ts';
import type { Image, Image__Output } from '@pmr/common/proto/generated/pmr/v1/Image.ts';
import type { SkipMethod } from '@pmr/common/proto/generated/pmr/v1/SkipMethod.ts';
import type { TrackAttributes__Output } from '@pmr/common/proto/generated/pmr/v1/TrackAttributes.ts';
import type { TrackResult, TrackResult__Output } from '@pmr/common/proto/generated/pmr/v1/TrackResult.ts';
import type { AnalysisResult, AnalysisStats, TrackAttributesJson, TrackJson } from './result.ts';
import { STAGES } from './stage-clock.ts';

/** The prefix of a track's bestShot in the JSON. */
export const BEST_SHOT_PREFIX = 'data:image/jpeg;base64,';

/** The fields of GetJobResultResponse that come from the stored result (tracks are paginated apart). */
export type ResultFields = Required<Pick<GetJobResultResponse, 'video' | 'gallery' | 'persons' | 'stats'>>;

/** A malformed message from the other side of the API: a bug there, not the caller's input. */
function malformed(message: string): PmrError {
  return new PmrError('INTERNAL', `malformed orchestrator response: ${message}`);
}

/** Width and height from a JPEG's start-of-frame segment; null when the bytes are not a readable JPEG. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let i = 2;
  while (i + 8 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2; // markers without a length
      continue;
    }
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame)
      return { height: (bytes[i + 5]! << 8) | bytes[i + 6]!, width: (bytes[i + 7]! << 8) | bytes[i + 8]! };
    i += 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
  }
  return null;
}

/** A bestShot data URL as a JPEG Image; null for an empty bestShot. The size is the JPEG's own (112×112 chips). */
export function bestShotToImage(bestShot: string): Image | null {
  if (bestShot === '') return null;
  if (!bestShot.startsWith(BEST_SHOT_PREFIX)) throw new Error(`bestShot is not a ${BEST_SHOT_PREFIX} URL`);
  const data = Buffer.from(bestShot.slice(BEST_SHOT_PREFIX.length), 'base64');
  const size = jpegSize(data) ?? { width: CHIP_SIDE, height: CHIP_SIDE };
  return { encoding: 'IMAGE_ENCODING_JPEG', width: size.width, height: size.height, data };
}

export function bestShotFromImage(image: Image__Output | null): string {
  if (image === null) return '';
  if (image.encoding !== 'IMAGE_ENCODING_JPEG') throw malformed(`best_shot encoding is ${image.encoding}, not JPEG`);
  return `${BEST_SHOT_PREFIX}${Buffer.from(image.data).toString('base64')}`;
}

const expressionToProto = (e: Expression): ExpressionProto => `EXPRESSION_${e.toUpperCase()}` as ExpressionProto;
const genderToProto = (g: Gender): GenderProto => (g === 'female' ? 'GENDER_FEMALE' : 'GENDER_MALE');

function expressionFromProto(value: string, field: string): Expression {
  const name = value.replace(/^EXPRESSION_/, '').toLowerCase();
  const found = EXPRESSIONS.find((e) => e === name);
  if (found === undefined) throw malformed(`${field} is ${value}`);
  return found;
}

function genderFromProto(value: string, field: string): Gender {
  if (value === 'GENDER_FEMALE') return 'female';
  if (value === 'GENDER_MALE') return 'male';
  throw malformed(`${field} is ${value}`);
}

export function trackToProto(track: TrackJson): TrackResult {
  const { expression, age, gender } = track.attributes;
  return {
    id: track.id,
    label: track.label,
    identity: {
      ...(track.identity.name !== null && { name: track.identity.name }),
      similarity: track.identity.similarity,
    },
    firstSeen: track.firstSeen,
    lastSeen: track.lastSeen,
    frames: { ...track.frames },
    facesAnalysed: track.facesAnalysed,
    quality: track.quality,
    attributes: {
      expression:
        expression === null
          ? null
          : {
              value: expressionToProto(expression.value),
              confidence: expression.confidence,
              shares: Object.entries(expression.shares).map(([e, score]) => ({
                expression: expressionToProto(e as Expression),
                score: score ?? 0,
              })),
            },
      age: age === null ? null : { ...age },
      gender: gender === null ? null : { value: genderToProto(gender.value), confidence: gender.confidence },
    },
    timeline: timelineToProto(track.timeline),
    bestShot: bestShotToImage(track.bestShot),
  };
}

function attributesFromProto(a: TrackAttributes__Output | null, field: string): TrackAttributesJson {
  const e = a?.expression ?? null;
  const age = a?.age ?? null;
  const gender = a?.gender ?? null;
  return {
    expression:
      e === null
        ? null
        : {
            value: expressionFromProto(e.value, `${field}.expression.value`),
            confidence: e.confidence,
            shares: Object.fromEntries(
              e.shares.map((s) => [expressionFromProto(s.expression, `${field}.expression.shares`), s.score]),
            ),
          },
    age: age === null ? null : { value: age.value, low: age.low, high: age.high },
    gender:
      gender === null
        ? null
        : { value: genderFromProto(gender.value, `${field}.gender.value`), confidence: gender.confidence },
  };
}

/** A similar-frame skipping method as pmr.v1.SkipMethod. */
export const SKIP_METHOD_TO_PROTO: Readonly<Record<'none' | 'histogram' | 'ssim', SkipMethod>> = {
  none: 'SKIP_METHOD_NONE',
  histogram: 'SKIP_METHOD_HISTOGRAM',
  ssim: 'SKIP_METHOD_SSIM',
};

/** A received TrackResult as the JSON track; absent sub-messages read as their proto3 defaults. */
export function trackFromProto(track: TrackResult__Output): TrackJson {
  const field = `track ${track.id}`;
  return {
    id: track.id,
    label: track.label,
    identity: { name: track.identity?.name ?? null, similarity: track.identity?.similarity ?? 0 },
    firstSeen: track.firstSeen,
    lastSeen: track.lastSeen,
    frames: {
      first: track.frames?.first ?? 0,
      last: track.frames?.last ?? 0,
      detections: track.frames?.detections ?? 0,
    },
    facesAnalysed: track.facesAnalysed,
    quality: track.quality,
    attributes: attributesFromProto(track.attributes, `${field}.attributes`),
    timeline: timelineFromProto(track.timeline),
    bestShot: bestShotFromImage(track.bestShot),
  };
}

/** The video, gallery, persons and stats of a result (its tracks go page by page through trackToProto). */
export function resultToProto(result: AnalysisResult): ResultFields {
  const { video, gallery, stats } = result;
  return {
    video: {
      source: video.path,
      width: video.width,
      height: video.height,
      fps: video.fps,
      duration: video.duration,
      frames: video.frames,
      analysedFrames: video.analysedFrames,
      complete: video.complete,
      error: video.error ?? '',
    },
    gallery:
      gallery === null
        ? null
        : { persons: gallery.persons, accepted: gallery.accepted, rejected: gallery.rejected.map((r) => ({ ...r })) },
    persons: result.persons.map((p) => ({
      label: p.label,
      ...(p.name !== null && { name: p.name }),
      trackIds: [...p.tracks],
      screenTime: p.screenTime,
      firstSeen: p.firstSeen,
      lastSeen: p.lastSeen,
    })),
    stats: {
      detections: stats.detections,
      embeddings: stats.embeddings,
      attributeFaces: stats.attributeFaces,
      elapsedSeconds: stats.elapsedSeconds,
      stageTimes: Object.entries(stats.stageMs).map(([stage, milliseconds]) => ({ stage, milliseconds })),
      peakRssMb: stats.peakRssMB,
    },
  };
}

function stageMsFromProto(times: ReadonlyArray<{ stage: string; milliseconds: number }>): AnalysisStats['stageMs'] {
  const known = times.filter((t) => (STAGES as readonly string[]).includes(t.stage));
  const entries = [
    ...known.map((t) => [t.stage, t.milliseconds] as const),
    ...STAGES.filter((s) => !known.some((t) => t.stage === s)).map((s) => [s, 0] as const),
  ];
  return Object.fromEntries(entries) as AnalysisStats['stageMs'];
}

/**
 * The `pmr analyze` JSON from every page of a GetJobResult answer, in order: video, gallery, persons and stats
 * from the first page, the tracks of all pages. @throws PmrError INTERNAL for pages that cannot be a result.
 */
export function resultFromProto(pages: readonly GetJobResultResponse__Output[]): AnalysisResult {
  const first = pages[0];
  if (first === undefined) throw malformed('no result pages');
  const { video, gallery, stats } = first;
  if (video === null) throw malformed('the result has no video summary');
  if (stats === null) throw malformed('the result has no stats');
  return {
    video: {
      path: video.source,
      width: video.width,
      height: video.height,
      fps: video.fps,
      duration: video.duration,
      frames: video.frames,
      analysedFrames: video.analysedFrames,
      complete: video.complete,
      ...(video.error !== '' && { error: video.error }),
    },
    gallery:
      gallery === null
        ? null
        : {
            persons: gallery.persons,
            accepted: gallery.accepted,
            rejected: gallery.rejected.map((r) => ({ file: r.file, reason: r.reason })),
          },
    tracks: pages.flatMap((page) => page.tracks.map(trackFromProto)),
    persons: first.persons.map((p) => ({
      label: p.label,
      name: p.name ?? null,
      tracks: [...p.trackIds],
      screenTime: p.screenTime,
      firstSeen: p.firstSeen,
      lastSeen: p.lastSeen,
    })),
    stats: {
      detections: stats.detections,
      embeddings: stats.embeddings,
      attributeFaces: stats.attributeFaces,
      elapsedSeconds: stats.elapsedSeconds,
      stageMs: stageMsFromProto(stats.stageTimes),
      peakRssMB: stats.peakRssMb,
    },
  };
}
