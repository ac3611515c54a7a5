// The descriptor set server reflection serves: one compiled file per .proto file, named as under proto/, with the
// imports it declares in the set too, field names as the .proto spells them, and the health service's file; the
// wire-level split of a FileDescriptorSet.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import descriptor, { type IFileDescriptorProto } from 'protobufjs/ext/descriptor/index.js';
import { DESCRIPTOR_SET_PATH, loadReflectionDefinition, splitFileDescriptorSet } from '../src/proto/descriptors.ts';
import { listPmrProtoFiles } from '../src/proto/load.ts';

const { FileDescriptorProto, FileDescriptorSet } = descriptor;

const decode = (bytes: Uint8Array): IFileDescriptorProto => FileDescriptorProto.decode(bytes) as IFileDescriptorProto;

test('the set holds every PMR file, its imports and the health service, each import beside its importer', () => {
  const files = splitFileDescriptorSet(readFileSync(DESCRIPTOR_SET_PATH)).map(decode);
  const names = files.map((f) => f.name ?? '');
  for (const file of listPmrProtoFiles()) assert.ok(names.includes(file), `${file} is in the set`);
  assert.ok(names.includes('google/protobuf/timestamp.proto'));
  assert.ok(names.includes('health/v1/health.proto'));
  for (const file of files)
    for (const dependency of file.dependency as string[])
      assert.ok(names.includes(dependency), `${file.name} imports ${dependency}, which is in the set`);

  const collection = files.find((f) => f.name === 'pmr/v1/collection_service.proto')!;
  assert.ok((collection.dependency as string[]).includes('google/protobuf/timestamp.proto'));
  const message = collection.messageType!.find((m) => m.name === 'Collection')!;
  const field = message.field!.find((f) => f.number === 6)!;
  assert.deepEqual(
    [field.name, field.jsonName, field.typeName],
    ['create_time', 'createTime', '.google.protobuf.Timestamp'],
  );
});

test('loadReflectionDefinition gives @grpc/reflection one entry per file, bytes as compiled', () => {
  const set = readFileSync(DESCRIPTOR_SET_PATH);
  const entries = Object.values(loadReflectionDefinition());
  const split = splitFileDescriptorSet(set);
  assert.equal(entries.length, split.length);
  assert.deepEqual(
    entries.map((e) => ('fileDescriptorProtos' in e ? e.fileDescriptorProtos : [])),
    split.map((b) => [b]),
  );
  const decoded = FileDescriptorSet.decode(set) as unknown as { file: unknown[] };
  assert.equal(decoded.file.length, split.length, 'the split agrees with protobufjs');
});

test('splitFileDescriptorSet: an empty set, lengths over one byte, and what is not a set', () => {
  assert.deepEqual(splitFileDescriptorSet(new Uint8Array()), []);
  const big = Buffer.alloc(300, 7);
  const set = Buffer.concat([Buffer.from([0x0a, 0xac, 0x02]), big, Buffer.from([0x0a, 0x01, 9])]);
  assert.deepEqual(splitFileDescriptorSet(set), [big, Buffer.from([9])]);
  assert.throws(() => splitFileDescriptorSet(Buffer.from([0x12, 0x00])), /unexpected tag 18/);
  assert.throws(() => splitFileDescriptorSet(Buffer.from([0x0a, 0x05, 1])), /runs past the end/);
  assert.throws(() => splitFileDescriptorSet(Buffer.from([0x0a, 0x80])), /bad varint/);
});
