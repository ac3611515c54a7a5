// The contracts load with PMR_PROTO_LOAD_OPTIONS, every service has the methods and streaming kinds the design
// names, and messages come out shaped as the options promise (camelCase, defaults, oneof names, strings).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ServiceDefinition } from '@grpc/grpc-js';
import { GENERATED_DIR, listFiles } from '../scripts/proto-codegen.ts';
import { ImageEncoding } from '../src/proto/generated/pmr/v1/ImageEncoding.ts';
import { listPmrProtoFiles, loadPmrPackageDefinition, loadPmrProto, PMR_PROTO_DIR } from '../src/proto/load.ts';

type Kind = 'unary' | 'server-streaming' | 'client-streaming' | 'bidi';

const EXPECTED: Readonly<Record<string, Readonly<Record<string, Kind>>>> = {
  DecoderService: { ProbeVideo: 'unary', DecodeVideo: 'server-streaming' },
  DetectorService: { Detect: 'unary' },
  TrackerService: { Track: 'bidi' },
  RecognizerService: { Embed: 'unary', SearchGallery: 'unary', DescribeModel: 'unary', SearchCollection: 'unary' },
  AttributesService: { Analyze: 'unary' },
  OrchestratorService: {
    UploadMedia: 'client-streaming',
    StartVideoJob: 'unary',
    WatchJob: 'server-streaming',
    GetJobResult: 'unary',
    GetJob: 'unary',
    ListJobs: 'unary',
    CancelJob: 'unary',
  },
  ImageService: { DetectFaces: 'unary', CompareFaces: 'unary' },
  CollectionService: Object.fromEntries(
    [
      'CreateCollection',
      'DescribeCollection',
      'ListCollections',
      'DeleteCollection',
      'IndexFaces',
      'ListFaces',
      'DeleteFaces',
      'CreatePerson',
      'AssociateFaces',
      'DisassociateFaces',
      'ListPersons',
      'DeletePerson',
      'SearchFaces',
      'SearchFacesByImage',
      'SearchPersons',
      'SearchPersonsByImage',
    ].map((m) => [m, 'unary' as const]),
  ),
};

function kindOf(method: { requestStream: boolean; responseStream: boolean }): Kind {
  if (method.requestStream) return method.responseStream ? 'bidi' : 'client-streaming';
  return method.responseStream ? 'server-streaming' : 'unary';
}

test('listPmrProtoFiles names every .proto file of proto/pmr/v1, relative to proto/', () => {
  const onDisk = readdirSync(join(PMR_PROTO_DIR, 'pmr', 'v1')).filter((f) => f.endsWith('.proto'));
  const listed = listPmrProtoFiles();
  assert.equal(listed.length, 16);
  assert.deepEqual(
    listed,
    onDisk.sort().map((f) => `pmr/v1/${f}`),
  );
});

test('the package definition holds exactly the PMR services, with the expected methods and kinds', () => {
  const definition = loadPmrPackageDefinition();
  const services = Object.keys(definition).filter((name) => name.startsWith('pmr.v1.') && name.endsWith('Service'));
  assert.deepEqual(
    services.sort(),
    Object.keys(EXPECTED)
      .map((s) => `pmr.v1.${s}`)
      .sort(),
  );
  for (const [service, methods] of Object.entries(EXPECTED)) {
    const def = definition[`pmr.v1.${service}`] as ServiceDefinition;
    const actual = Object.fromEntries(Object.entries(def).map(([name, m]) => [name, kindOf(m)]));
    assert.deepEqual(actual, methods, service);
    for (const [name, m] of Object.entries(def)) assert.equal(m.path, `/pmr.v1.${service}/${name}`);
  }
});

test('loadPmrProto gives typed client constructors carrying their service definitions', () => {
  const pmr = loadPmrProto().pmr.v1;
  assert.equal(typeof pmr.DetectorService, 'function');
  assert.deepEqual(Object.keys(pmr.DetectorService.service), ['Detect']);
  assert.equal(pmr.TrackerService.service.Track.path, '/pmr.v1.TrackerService/Track');
  assert.equal(pmr.ImageEncoding.format, 'Protocol Buffer 3 EnumDescriptorProto');
});

test('messages round-trip with camelCase names, filled defaults, oneof names and 64-bit integers as strings', () => {
  const decode = loadPmrProto().pmr.v1.DecoderService.service.DecodeVideo;
  const bytes = decode.responseSerialize({
    frame: {
      jobId: 'job-1',
      index: 3,
      pts: 0.5,
      sourceFirst: 10,
      sourceLast: 12,
      ptsLast: 0.58,
      imageRef: { bucket: 'frames', name: 'job-1/3', size: '9007199254740993', sha256: 'ab' },
    },
  });
  const out = decode.responseDeserialize(bytes);
  assert.equal(out.event, 'frame');
  assert.equal(out.info, undefined);
  const frame = out.frame;
  assert.ok(frame);
  assert.equal(frame.jobId, 'job-1');
  assert.equal(frame.sourceLast, 12);
  assert.equal(frame.sceneCut, false, 'unset bool defaults to false');
  assert.equal(frame.pixels, 'imageRef');
  assert.equal(frame.image, undefined, 'the unset oneof member is absent');
  assert.deepEqual(frame.imageRef, { bucket: 'frames', name: 'job-1/3', size: '9007199254740993', sha256: 'ab' });
});

test('unset enums read as their _UNSPECIFIED name and unset messages as null', () => {
  const detect = loadPmrProto().pmr.v1.DetectorService.service.Detect;
  const request = detect.requestDeserialize(detect.requestSerialize({ image: { width: 2 } }));
  assert.equal(request.image?.encoding, 'IMAGE_ENCODING_UNSPECIFIED');
  assert.equal(request.image?.height, 0);
  assert.equal(request.image?.data.length, 0);
  assert.equal(request.scoreThreshold, undefined, 'an unset proto3 optional field stays absent');
  const empty = detect.requestDeserialize(Buffer.alloc(0));
  assert.equal(empty.image, null);
});

test('every generated file loads under Node type stripping; enums are const objects of their value names', async () => {
  const files = listFiles(GENERATED_DIR).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length >= 80, `${files.length} generated files`);
  for (const file of files) await import(pathToFileURL(join(GENERATED_DIR, file)).href);
  assert.deepEqual(Object.values(ImageEncoding), [
    'IMAGE_ENCODING_UNSPECIFIED',
    'IMAGE_ENCODING_RGB24',
    'IMAGE_ENCODING_JPEG',
  ]);
});
