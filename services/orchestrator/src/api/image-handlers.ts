// pmr.v1.ImageService over gRPC: DetectFaces and CompareFaces on single images, run on the stage services (Detect,
// Embed, Analyze). Images are decoded here as gallery photos are (received-image.ts); every face is described with
// its box and landmarks in the image's own pixels, pose, quality and attributes, largest first.
import { invalidArgument } from '@pmr/common';
import { dot } from '@pmr/recognizer';
import type { Logger } from '@pmr/common/logger';
import type { CompareFacesRequest__Output } from '@pmr/common/proto/generated/pmr/v1/CompareFacesRequest.ts';
import type { CompareFacesResponse } from '@pmr/common/proto/generated/pmr/v1/CompareFacesResponse.ts';
import type { DetectFacesRequest__Output } from '@pmr/common/proto/generated/pmr/v1/DetectFacesRequest.ts';
import type { DetectFacesResponse } from '@pmr/common/proto/generated/pmr/v1/DetectFacesResponse.ts';
import type { ImageServiceHandlers } from '@pmr/common/proto/generated/pmr/v1/ImageService.ts';
import type { UploadSink } from '../job-runner.ts';
import { describeFaces, findFaces, type FaceStages } from '../images/image-faces.ts';
import { receiveImage } from '../images/received-image.ts';
import { answerer } from './answer.ts';

export interface ImageHandlerDeps {
  readonly stages: FaceStages;
  readonly uploads: UploadSink;
  readonly logger: Logger;
  /** The similarity a match needs when a call leaves its threshold unset (the video jobs' match threshold). */
  readonly matchThreshold: number;
}

/** Most faces a call describes. */
export const MAX_IMAGE_FACES = 100;

/** A call's max_faces: 1 to MAX_IMAGE_FACES, 0 for all of them. @throws PmrError INVALID_ARGUMENT */
export function maxFacesOf(value: number, field = 'max_faces'): number {
  if (value === 0) return MAX_IMAGE_FACES;
  if (!(Number.isInteger(value) && value >= 1 && value <= MAX_IMAGE_FACES))
    throw invalidArgument(`${field} must be 1 to ${MAX_IMAGE_FACES} (0: ${MAX_IMAGE_FACES}), got ${value}`);
  return value;
}

/** A call's similarity threshold: in [-1, 1], or `fallback` when unset. @throws PmrError INVALID_ARGUMENT */
export function similarityThresholdOf(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  if (!(Number.isFinite(value) && value >= -1 && value <= 1))
    throw invalidArgument(
      `${field} must be a cosine similarity in [-1, 1], got ${value}; leave it unset for ${fallback}`,
    );
  return value;
}

async function detectFaces(deps: ImageHandlerDeps, request: DetectFacesRequest__Output): Promise<DetectFacesResponse> {
  const maxFaces = maxFacesOf(request.maxFaces);
  const received = await receiveImage(request.image, 'image', deps.uploads);
  const faces = await describeFaces(deps.stages, (await findFaces(deps.stages, received)).slice(0, maxFaces));
  return { faces: faces.map((f) => f.detail), imageSize: received.size };
}

async function compareFaces(
  deps: ImageHandlerDeps,
  request: CompareFacesRequest__Output,
): Promise<CompareFacesResponse> {
  const maxFaces = maxFacesOf(request.maxFaces);
  const threshold = similarityThresholdOf(request.similarityThreshold, deps.matchThreshold, 'similarity_threshold');
  const [source, target] = await Promise.all([
    receiveImage(request.sourceImage, 'source_image', deps.uploads),
    receiveImage(request.targetImage, 'target_image', deps.uploads),
  ]);
  const [sourceFound, targetFound] = await Promise.all([
    findFaces(deps.stages, source),
    findFaces(deps.stages, target),
  ]);
  const largest = sourceFound[0];
  if (largest === undefined) throw invalidArgument('source_image: no face was found in it');
  const [[sourceFace], targetFaces] = await Promise.all([
    describeFaces(deps.stages, [largest]),
    describeFaces(deps.stages, targetFound.slice(0, maxFaces)),
  ]);
  const compared = targetFaces.map((f) => ({ face: f.detail, similarity: dot(sourceFace!.embedding, f.embedding) }));
  return {
    sourceFace: sourceFace!.detail,
    faceMatches: compared.filter((c) => c.similarity >= threshold).sort((a, b) => b.similarity - a.similarity),
    unmatchedFaces: compared.filter((c) => c.similarity < threshold),
    similarityThreshold: threshold,
  };
}

export function createImageHandlers(deps: ImageHandlerDeps): ImageServiceHandlers {
  const { answer } = answerer(deps.logger.child({ component: 'ImageService' }));
  return {
    DetectFaces(call, callback) {
      answer('DetectFaces', callback, () => detectFaces(deps, call.request));
    },
    CompareFaces(call, callback) {
      answer('CompareFaces', callback, () => compareFaces(deps, call.request));
    },
  };
}
