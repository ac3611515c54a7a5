// What server reflection tells clients in any language (grpcurl, grpc_cli, Postman, …): compiler-built descriptors of
// every PMR .proto file, the files they import (google/protobuf/timestamp.proto) and the standard health service.
// proto-loader's own descriptors cannot serve: they merge all files of a package into one file that imports nothing
// and name fields in lowerCamelCase, so a client cannot resolve `google.protobuf.Timestamp` or a map field
// (grpc/grpc-node#2958). buf compiles the set (scripts/proto-codegen.ts), `npm run proto:gen` commits it beside the
// generated types and check-proto.ts fails when it is out of step with proto/.
import { readFileSync } from 'node:fs';
import type { PackageDefinition, ProtobufTypeDefinition } from '@grpc/proto-loader';

/** The committed FileDescriptorSet (binary), in the generated folder. */
export const DESCRIPTOR_SET_PATH: string = new URL('./generated/descriptors.binpb', import.meta.url).pathname;

function readVarint(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  for (let shift = 0, i = at; i < bytes.length && shift < 35; shift += 7, i++) {
    value += (bytes[i]! & 0x7f) * 2 ** shift;
    if ((bytes[i]! & 0x80) === 0) return { value, next: i + 1 };
  }
  throw new Error(`a bad varint at byte ${at} of a FileDescriptorSet`);
}

/**
 * The encoded FileDescriptorProtos of a FileDescriptorSet (`repeated FileDescriptorProto file = 1`), each as it
 * was compiled: split at the wire level, nothing decoded or re-encoded. Throws on anything but field 1.
 */
export function splitFileDescriptorSet(set: Uint8Array): Buffer[] {
  const files: Buffer[] = [];
  let at = 0;
  while (at < set.length) {
    if (set[at] !== 0x0a) throw new Error(`FileDescriptorSet: unexpected tag ${set[at]} at byte ${at}`);
    const { value: length, next } = readVarint(set, at + 1);
    if (next + length > set.length) throw new Error(`FileDescriptorSet: a file runs past the end at byte ${at}`);
    files.push(Buffer.from(set.subarray(next, next + length)));
    at = next + length;
  }
  return files;
}

/**
 * The descriptor set as the package definition @grpc/reflection reads (it takes only `fileDescriptorProtos` of
 * each entry): one entry per file. Reads the file on each call: call it once per server.
 */
export function loadReflectionDefinition(path: string = DESCRIPTOR_SET_PATH): PackageDefinition {
  const files = splitFileDescriptorSet(readFileSync(path));
  const entry = (file: Buffer): ProtobufTypeDefinition => ({
    format: 'Protocol Buffer 3 FileDescriptorProto',
    type: {},
    fileDescriptorProtos: [file],
  });
  // Typed as proto-loader's definitions, whose message entries also carry (de)serializers that reflection never uses.
  return Object.fromEntries(files.map((file, i) => [`file ${i}`, entry(file)])) as unknown as PackageDefinition;
}
