// The one place PMR's protobuf contracts are loaded. Every gRPC server and client, the code generator
// (scripts/gen-proto.ts) and the drift check (scripts/check-proto.ts) use PMR_PROTO_LOAD_OPTIONS, so the
// generated types describe exactly the objects grpc-js hands to handlers and callers.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import type { ProtoGrpcType as AttributesProto } from './generated/attributes_service.ts';
import type { ProtoGrpcType as CollectionProto } from './generated/collection_service.ts';
import type { ProtoGrpcType as DecoderProto } from './generated/decoder_service.ts';
import type { ProtoGrpcType as DetectorProto } from './generated/detector_service.ts';
import type { ProtoGrpcType as FaceProto } from './generated/face.ts';
import type { ProtoGrpcType as FrameProto } from './generated/frame.ts';
import type { ProtoGrpcType as GeometryProto } from './generated/geometry.ts';
import type { ProtoGrpcType as ImageProto } from './generated/image.ts';
import type { ProtoGrpcType as ImageServiceProto } from './generated/image_service.ts';
import type { ProtoGrpcType as JobProto } from './generated/job.ts';
import type { ProtoGrpcType as OrchestratorProto } from './generated/orchestrator_service.ts';
import type { ProtoGrpcType as RecognizerProto } from './generated/recognizer_service.ts';
import type { ProtoGrpcType as ResultProto } from './generated/result.ts';
import type { ProtoGrpcType as TrackProto } from './generated/track.ts';
import type { ProtoGrpcType as TrackerProto } from './generated/tracker_service.ts';

/**
 * How .proto files become JavaScript objects, at run time and in the generated types alike:
 * - field names in lowerCamelCase (`job_id` → `jobId`), as the stage modules already name them;
 * - 64-bit integers as decimal strings (no precision loss, no `Long` objects);
 * - enums as their value names (`'IMAGE_ENCODING_RGB24'`), which read well in logs and JSON;
 * - every scalar and repeated field present in received messages (proto3 defaults filled in; unset message
 *   fields are `null`), so handlers never test for `undefined`;
 * - each set oneof reported by a virtual field naming its member (`pixels: 'image'`).
 * scripts/proto-codegen.ts turns these into proto-loader-gen-types flags and refuses options it cannot express.
 */
export const PMR_PROTO_LOAD_OPTIONS = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
} as const;

/** The repository's `proto/` folder: the include root of every PMR .proto file. */
export const PMR_PROTO_DIR: string = fileURLToPath(new URL('../../../../proto/', import.meta.url));

/** The protobuf package PMR's contracts are in. */
export const PMR_PROTO_PACKAGE = 'pmr.v1';

/** Every PMR .proto file under `protoDir`, relative to it (`pmr/v1/…`), sorted. */
export function listPmrProtoFiles(protoDir: string = PMR_PROTO_DIR): string[] {
  const relative = join(...PMR_PROTO_PACKAGE.split('.'));
  return readdirSync(join(protoDir, relative))
    .filter((name) => name.endsWith('.proto'))
    .sort()
    .map((name) => `${relative}/${name}`);
}

/** The typed shape of the loaded `pmr.v1` package: every service constructor and message/enum definition. */
export type PmrProtoGrpcType = AttributesProto &
  CollectionProto &
  DecoderProto &
  DetectorProto &
  FaceProto &
  FrameProto &
  GeometryProto &
  ImageProto &
  ImageServiceProto &
  JobProto &
  OrchestratorProto &
  RecognizerProto &
  ResultProto &
  TrackProto &
  TrackerProto;

/** Parse every PMR .proto file into a proto-loader package definition (what server reflection takes). */
export function loadPmrPackageDefinition(protoDir: string = PMR_PROTO_DIR): PackageDefinition {
  return loadSync(listPmrProtoFiles(protoDir), { ...PMR_PROTO_LOAD_OPTIONS, includeDirs: [protoDir] });
}

/**
 * Load the PMR contracts as a grpc-js package: `loadPmrProto().pmr.v1.DetectorService` is the client
 * constructor, and `.service` on it the definition a server adds. Parses the files on each call: call it once
 * in a composition root.
 */
export function loadPmrProto(protoDir: string = PMR_PROTO_DIR): PmrProtoGrpcType {
  return loadPackageDefinition(loadPmrPackageDefinition(protoDir)) as unknown as PmrProtoGrpcType;
}
