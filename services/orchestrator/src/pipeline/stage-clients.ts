// The orchestrator's gRPC clients of the stage services: Detect on the detector and Embed on the recognizer (shaped as
// the enrolment's DetectFn and EmbedFn, for galleries and images), Analyze on the attributes service (for images). Faces and embeddings cross the wire losslessly (doubles,
// float32 and raw RGB chips), so a gallery enrolled this way equals one enrolled in process. A failed call rejects
// with a StageCallError (its gRPC status and what it carried).
import { credentials, type ServiceError } from '@grpc/grpc-js';
import { PmrError, type DetectedFace, type Landmarks5, type RgbImage } from '@pmr/common';
import { loadPmrProto, messageSizeOptions, rgbImageToProto } from '@pmr/common/proto';
import type { AnalyzeResponse__Output } from '@pmr/common/proto/generated/pmr/v1/AnalyzeResponse.ts';
import type { FaceAttributes__Output } from '@pmr/common/proto/generated/pmr/v1/FaceAttributes.ts';
import type { DescribeModelResponse__Output } from '@pmr/common/proto/generated/pmr/v1/DescribeModelResponse.ts';
import type { SearchCollectionResponse__Output } from '@pmr/common/proto/generated/pmr/v1/SearchCollectionResponse.ts';
import type { DetectedFace__Output } from '@pmr/common/proto/generated/pmr/v1/DetectedFace.ts';
import type { DetectResponse__Output } from '@pmr/common/proto/generated/pmr/v1/DetectResponse.ts';
import type { EmbedResponse__Output } from '@pmr/common/proto/generated/pmr/v1/EmbedResponse.ts';
import { StageCallError } from './failures.ts';

const CALL_DEADLINE_MS = 60_000;

export interface StageClients {
  detect(image: RgbImage): Promise<DetectedFace[]>;
  embed(chip: RgbImage): Promise<Float32Array>;
  /** Several chips in one Embed call, embeddings in the same order. */
  embedMany(chips: readonly RgbImage[]): Promise<Float32Array[]>;
  /** As embedMany, with the model the recognizer says the embeddings come from. */
  embedChips(chips: readonly RgbImage[]): Promise<{ readonly model: string; readonly embeddings: Float32Array[] }>;
  /** The embedding model the recognizer runs, and the length of its embeddings. */
  describeModel(): Promise<{ readonly model: string; readonly dim: number }>;
  /** SearchCollection on a recognizer: for each query, the best faces or persons of the collection (id, similarity). */
  searchCollection(request: {
    readonly collectionId: string;
    readonly queries: readonly Float32Array[];
    readonly target: 'faces' | 'persons';
    readonly limit: number;
    readonly minSimilarity: number;
  }): Promise<Array<Array<{ readonly id: string; readonly similarity: number }>>>;
  /** The attributes of several chips in one Analyze call, in the same order, as the attributes service sent them. */
  analyze(chips: readonly RgbImage[]): Promise<FaceAttributes__Output[]>;
  close(): void;
}

/** Where the stage services listen (host:port each). */
export interface StageAddresses {
  readonly detector: string;
  readonly recognizer: string;
  readonly attributes: string;
}

/** A received face as the stages' DetectedFace. @throws PmrError INTERNAL when a part is missing. */
export function faceFromMessage(m: DetectedFace__Output): DetectedFace {
  const l = m.landmarks;
  if (m.box === null || m.quality === null || l === null || m.chip === null)
    throw new PmrError('INTERNAL', 'detector answered a face without box, quality, landmarks or chip');
  const p = (q: { x: number; y: number } | null): { x: number; y: number } => ({ x: q?.x ?? 0, y: q?.y ?? 0 });
  const landmarks: Landmarks5 = [p(l.leftEye), p(l.rightEye), p(l.noseTip), p(l.leftMouth), p(l.rightMouth)];
  return {
    box: { x: m.box.x, y: m.box.y, width: m.box.width, height: m.box.height },
    landmarks,
    score: m.score,
    quality: {
      score: m.quality.score,
      detector: m.quality.detector,
      size: m.quality.size,
      sharpness: m.quality.sharpness,
      frontalness: m.quality.frontalness,
    },
    chip: { width: m.chip.width, height: m.chip.height, data: m.chip.data },
  };
}

/** The call's failure, with what it carried; classifyFailure (failures.ts) decides what it means for the job. */
function failure(method: string, address: string, err: ServiceError, subject: string): StageCallError {
  return new StageCallError(method, address, err.code, err.details || err.message, subject);
}

const imageSubject = (image: RgbImage): string => `the ${image.width}×${image.height} image`;

/** `maxMessageBytes`: the largest message sent or received (the service's PMR_MAX_MESSAGE_BYTES). */
export function createStageClients(addresses: StageAddresses, maxMessageBytes?: number): StageClients {
  const { detector: detectorAddress, recognizer: recognizerAddress, attributes: attributesAddress } = addresses;
  const pmr = loadPmrProto().pmr.v1;
  const detector = new pmr.DetectorService(
    detectorAddress,
    credentials.createInsecure(),
    messageSizeOptions(maxMessageBytes),
  );
  const recognizer = new pmr.RecognizerService(
    recognizerAddress,
    credentials.createInsecure(),
    messageSizeOptions(maxMessageBytes),
  );
  const attributes = new pmr.AttributesService(
    attributesAddress,
    credentials.createInsecure(),
    messageSizeOptions(maxMessageBytes),
  );
  const deadline = (): Date => new Date(Date.now() + CALL_DEADLINE_MS);
  const embedChips = (chips: readonly RgbImage[]): Promise<{ model: string; embeddings: Float32Array[] }> =>
    new Promise((resolve, reject) => {
      recognizer.Embed(
        { chips: chips.map(rgbImageToProto) },
        { deadline: deadline() },
        (err: ServiceError | null, res?: EmbedResponse__Output) => {
          if (err !== null || res === undefined)
            reject(failure('Embed', recognizerAddress, err!, `${chips.length} face chip(s)`));
          else if (res.embeddings.length !== chips.length)
            reject(
              new PmrError('INTERNAL', `Embed answered ${res.embeddings.length} embeddings for ${chips.length} chips`),
            );
          else resolve({ model: res.model, embeddings: res.embeddings.map((e) => Float32Array.from(e.values)) });
        },
      );
    });
  return {
    detect: (image) =>
      new Promise((resolve, reject) => {
        detector.Detect(
          { image: rgbImageToProto(image) },
          { deadline: deadline() },
          (err: ServiceError | null, res?: DetectResponse__Output) => {
            if (err !== null || res === undefined)
              reject(failure('Detect', detectorAddress, err!, imageSubject(image)));
            else {
              try {
                resolve(res.faces.map(faceFromMessage));
              } catch (e) {
                reject(e instanceof Error ? e : new Error(String(e)));
              }
            }
          },
        );
      }),
    embed: async (chip) => (await embedChips([chip])).embeddings[0]!,
    embedMany: async (chips) => (await embedChips(chips)).embeddings,
    embedChips,
    searchCollection: (r) =>
      new Promise((resolve, reject) => {
        recognizer.SearchCollection(
          {
            collectionId: r.collectionId,
            queries: r.queries.map((q) => ({ values: Array.from(q) })),
            target: r.target === 'faces' ? 'SEARCH_TARGET_FACES' : 'SEARCH_TARGET_PERSONS',
            maxResults: r.limit,
            minSimilarity: r.minSimilarity,
          },
          { deadline: deadline() },
          (err: ServiceError | null, res?: SearchCollectionResponse__Output) => {
            if (err !== null || res === undefined)
              reject(failure('SearchCollection', recognizerAddress, err!, `collection ${r.collectionId}`));
            else resolve(res.results.map((q) => q.hits.map((h) => ({ id: h.id, similarity: h.similarity }))));
          },
        );
      }),
    describeModel: () =>
      new Promise((resolve, reject) => {
        recognizer.DescribeModel(
          {},
          { deadline: deadline() },
          (err: ServiceError | null, res?: DescribeModelResponse__Output) => {
            if (err !== null || res === undefined)
              reject(failure('DescribeModel', recognizerAddress, err!, 'the embedding model'));
            else resolve({ model: res.model, dim: res.dim });
          },
        );
      }),
    analyze: (chips) =>
      new Promise((resolve, reject) => {
        attributes.Analyze(
          { chips: chips.map(rgbImageToProto) },
          { deadline: deadline() },
          (err: ServiceError | null, res?: AnalyzeResponse__Output) => {
            if (err !== null || res === undefined)
              reject(failure('Analyze', attributesAddress, err!, `${chips.length} face chip(s)`));
            else if (res.attributes.length !== chips.length)
              reject(
                new PmrError(
                  'INTERNAL',
                  `Analyze answered ${res.attributes.length} attributes for ${chips.length} chips`,
                ),
              );
            else resolve(res.attributes);
          },
        );
      }),
    close() {
      detector.close();
      recognizer.close();
      attributes.close();
    },
  };
}
