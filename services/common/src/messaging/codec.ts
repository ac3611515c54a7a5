// Protobuf encoding of the pmr.v1 messages that travel over NATS. The .proto files are loaded with protobufjs
// and the same options as the gRPC loader (PMR_PROTO_LOAD_OPTIONS), so a decoded message has exactly the shape
// of the generated `…__Output` type: camelCase fields, 64-bit integers as strings, enums as value names,
// defaults filled in, unset message fields null, and the set oneof member named by a virtual field.
import protobuf from 'protobufjs';
import { join } from 'node:path';
import { PMR_PROTO_DIR, PMR_PROTO_LOAD_OPTIONS, listPmrProtoFiles } from '../proto/load.ts';
import { invalidArgument } from '../errors.ts';
import type { DecodeJob, DecodeJob__Output } from '../proto/generated/pmr/v1/DecodeJob.ts';
import type { FrameFaces, FrameFaces__Output } from '../proto/generated/pmr/v1/FrameFaces.ts';
import type { PipelineResult, PipelineResult__Output } from '../proto/generated/pmr/v1/PipelineResult.ts';
import type { CollectionEvent, CollectionEvent__Output } from '../proto/generated/pmr/v1/CollectionEvent.ts';
import type { JobChanged, JobChanged__Output } from '../proto/generated/pmr/v1/JobChanged.ts';
import type { DetectedFace, DetectedFace__Output } from '../proto/generated/pmr/v1/DetectedFace.ts';
import type { Embedding, Embedding__Output } from '../proto/generated/pmr/v1/Embedding.ts';
import type { FaceAttributes, FaceAttributes__Output } from '../proto/generated/pmr/v1/FaceAttributes.ts';
import type { FinishedTrack, FinishedTrack__Output } from '../proto/generated/pmr/v1/FinishedTrack.ts';
import type { Frame, Frame__Output } from '../proto/generated/pmr/v1/Frame.ts';
import type { Image, Image__Output } from '../proto/generated/pmr/v1/Image.ts';
import type { Job, Job__Output } from '../proto/generated/pmr/v1/Job.ts';
import type { JobError, JobError__Output } from '../proto/generated/pmr/v1/JobError.ts';
import type { JobProgress, JobProgress__Output } from '../proto/generated/pmr/v1/JobProgress.ts';
import type { ObjectRef, ObjectRef__Output } from '../proto/generated/pmr/v1/ObjectRef.ts';
import type { TrackFace, TrackFace__Output } from '../proto/generated/pmr/v1/TrackFace.ts';
import type { TrackResult, TrackResult__Output } from '../proto/generated/pmr/v1/TrackResult.ts';

/** The messages PMR sends over NATS: full name → [what encode takes, what decode returns]. */
export interface PmrMessageTypes {
  'pmr.v1.Frame': [Frame, Frame__Output];
  'pmr.v1.DetectedFace': [DetectedFace, DetectedFace__Output];
  'pmr.v1.TrackFace': [TrackFace, TrackFace__Output];
  'pmr.v1.FinishedTrack': [FinishedTrack, FinishedTrack__Output];
  'pmr.v1.Image': [Image, Image__Output];
  'pmr.v1.ObjectRef': [ObjectRef, ObjectRef__Output];
  'pmr.v1.Embedding': [Embedding, Embedding__Output];
  'pmr.v1.FaceAttributes': [FaceAttributes, FaceAttributes__Output];
  'pmr.v1.TrackResult': [TrackResult, TrackResult__Output];
  'pmr.v1.Job': [Job, Job__Output];
  'pmr.v1.JobProgress': [JobProgress, JobProgress__Output];
  'pmr.v1.JobError': [JobError, JobError__Output];
  'pmr.v1.DecodeJob': [DecodeJob, DecodeJob__Output];
  'pmr.v1.FrameFaces': [FrameFaces, FrameFaces__Output];
  'pmr.v1.PipelineResult': [PipelineResult, PipelineResult__Output];
  'pmr.v1.CollectionEvent': [CollectionEvent, CollectionEvent__Output];
  'pmr.v1.JobChanged': [JobChanged, JobChanged__Output];
}

export type PmrMessageName = keyof PmrMessageTypes;

/** Encodes one message type to bytes and back. */
export interface MessageCodec<In, Out> {
  readonly typeName: string;
  /** @throws PmrError INVALID_ARGUMENT when the object does not fit the message type. */
  encode(message: In): Uint8Array;
  /** @throws PmrError INVALID_ARGUMENT for bytes that are not a valid message of this type. */
  decode(bytes: Uint8Array): Out;
}

/** protobufjs's toObject options equal to PMR_PROTO_LOAD_OPTIONS (the parse side takes keepCase). */
const CONVERSION: protobuf.IConversionOptions = {
  longs: PMR_PROTO_LOAD_OPTIONS.longs,
  enums: PMR_PROTO_LOAD_OPTIONS.enums,
  defaults: PMR_PROTO_LOAD_OPTIONS.defaults,
  oneofs: PMR_PROTO_LOAD_OPTIONS.oneofs,
};

const roots = new Map<string, protobuf.Root>();

/** All PMR .proto files under protoDir parsed once per folder (imports resolved against protoDir). */
export function loadPmrRoot(protoDir: string = PMR_PROTO_DIR): protobuf.Root {
  const cached = roots.get(protoDir);
  if (cached !== undefined) return cached;
  const root = new protobuf.Root();
  root.resolvePath = (_origin: string, target: string): string =>
    target.startsWith('/') ? target : join(protoDir, target);
  root.loadSync(listPmrProtoFiles(protoDir), { keepCase: PMR_PROTO_LOAD_OPTIONS.keepCase });
  root.resolveAll();
  roots.set(protoDir, root);
  return root;
}

/** A codec for one pmr.v1 message; `messageCodec('pmr.v1.Frame').decode(bytes)` is a Frame__Output. */
export function messageCodec<N extends PmrMessageName>(
  typeName: N,
  protoDir: string = PMR_PROTO_DIR,
): MessageCodec<PmrMessageTypes[N][0], PmrMessageTypes[N][1]> {
  const type = loadPmrRoot(protoDir).lookupType(typeName);
  return {
    typeName,
    encode(message) {
      let typed: protobuf.Message;
      try {
        typed = type.fromObject(message);
      } catch (error) {
        throw invalidArgument(`cannot encode ${typeName}: ${error instanceof Error ? error.message : String(error)}`);
      }
      return type.encode(typed).finish();
    },
    decode(bytes) {
      let decoded: protobuf.Message;
      try {
        decoded = type.decode(bytes);
      } catch (error) {
        throw invalidArgument(
          `not a valid ${typeName} message: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      return type.toObject(decoded, CONVERSION) as PmrMessageTypes[N][1];
    },
  };
}
