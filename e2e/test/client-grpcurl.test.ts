// PMR's public API from Go: grpcurl, which knows PMR only through server reflection (no .proto file given), on a
// running deployment (real nats-server, every service its own process). It lists and describes the services, and
// runs docs/api.md's examples exactly as written, top to bottom, through bash — the README's among them — checking
// each answer: DetectFaces and CompareFaces on a group photo, a collection built, searched and cleaned up, a video
// job on it watched to the end and read page by page. Errors end with the status grpcurl names and its exit code.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { readImageSize } from '@pmr/common/image';
import { loadPmrProto } from '@pmr/common/proto';
import type { AssociateFacesResponse__Output } from '@pmr/common/proto/generated/pmr/v1/AssociateFacesResponse.ts';
import type { CancelJobResponse__Output } from '@pmr/common/proto/generated/pmr/v1/CancelJobResponse.ts';
import type { GetJobResponse__Output } from '@pmr/common/proto/generated/pmr/v1/GetJobResponse.ts';
import type { ListJobsResponse__Output } from '@pmr/common/proto/generated/pmr/v1/ListJobsResponse.ts';
import type { CompareFacesResponse__Output } from '@pmr/common/proto/generated/pmr/v1/CompareFacesResponse.ts';
import type { CreateCollectionResponse__Output } from '@pmr/common/proto/generated/pmr/v1/CreateCollectionResponse.ts';
import type { CreatePersonResponse__Output } from '@pmr/common/proto/generated/pmr/v1/CreatePersonResponse.ts';
import type { DeleteFacesResponse__Output } from '@pmr/common/proto/generated/pmr/v1/DeleteFacesResponse.ts';
import type { DescribeCollectionResponse__Output } from '@pmr/common/proto/generated/pmr/v1/DescribeCollectionResponse.ts';
import type { DetectFacesResponse__Output } from '@pmr/common/proto/generated/pmr/v1/DetectFacesResponse.ts';
import type { DisassociateFacesResponse__Output } from '@pmr/common/proto/generated/pmr/v1/DisassociateFacesResponse.ts';
import type { GetJobResultResponse__Output } from '@pmr/common/proto/generated/pmr/v1/GetJobResultResponse.ts';
import type { IndexFacesResponse__Output } from '@pmr/common/proto/generated/pmr/v1/IndexFacesResponse.ts';
import type { ListCollectionsResponse__Output } from '@pmr/common/proto/generated/pmr/v1/ListCollectionsResponse.ts';
import type { ListFacesResponse__Output } from '@pmr/common/proto/generated/pmr/v1/ListFacesResponse.ts';
import type { ListPersonsResponse__Output } from '@pmr/common/proto/generated/pmr/v1/ListPersonsResponse.ts';
import type { SearchFacesByImageResponse__Output } from '@pmr/common/proto/generated/pmr/v1/SearchFacesByImageResponse.ts';
import type { SearchFacesResponse__Output } from '@pmr/common/proto/generated/pmr/v1/SearchFacesResponse.ts';
import type { SearchPersonsByImageResponse__Output } from '@pmr/common/proto/generated/pmr/v1/SearchPersonsByImageResponse.ts';
import type { SearchPersonsResponse__Output } from '@pmr/common/proto/generated/pmr/v1/SearchPersonsResponse.ts';
import type { StartVideoJobResponse__Output } from '@pmr/common/proto/generated/pmr/v1/StartVideoJobResponse.ts';
import type { UploadMediaResponse__Output } from '@pmr/common/proto/generated/pmr/v1/UploadMediaResponse.ts';
import type { WatchJobResponse__Output } from '@pmr/common/proto/generated/pmr/v1/WatchJobResponse.ts';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { requireParts } from '@pmr/common/testing/require-parts';
import { findGrpcurl, grpcurlMissing, runTool, type ToolRun } from '../src/client-tools.ts';
import { startDeployment, type Deployment } from '../src/deployment.ts';
import { dataDir, missingData, missingModels, repoRoot, video } from '../src/paths.ts';

const skipReason = requireParts(missingModels(), missingData(), natsServerSkipReason(), grpcurlMissing());

/** The grpcurl lines of a Markdown file's ```sh blocks, in order. */
function grpcurlExamples(file: string): string[] {
  const blocks = [...readFileSync(join(repoRoot, file), 'utf8').matchAll(/^```sh\n([\s\S]*?)^```/gm)];
  return blocks.flatMap((b) => b[1]!.split('\n')).filter((line) => /\bgrpcurl -plaintext\b/.test(line));
}

/** The messages grpcurl printed: one JSON object each, a new one wherever a line starts with `{`. */
function messages(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .trim()
    .split(/\n(?=\{)/)
    .map((m) => JSON.parse(m) as Record<string, unknown>);
}

/**
 * The first message grpcurl printed, typed as grpc-js would hand it over: grpcurl's JSON has the same lowerCamelCase
 * names, 64-bit integers as strings and enums as names, but leaves out unset and zero fields.
 */
const only = <T>(run: ToolRun): T => messages(run.stdout)[0] as T;

/** The environment the examples expect (docs/api.md lists it), and the values earlier answers gave. */
interface ExampleVars {
  PMR: string;
  PHOTO: string;
  FACE: string;
  VIDEO: string;
  FACE_ID?: string;
  JOB?: string;
  TOKEN?: string;
}

/** What an example's answer must be, by what it calls (the text after `$PMR `); it may set variables. */
type Check = (run: ToolRun, vars: ExampleVars, line: string) => void | Promise<void>;

const pmr = loadPmrProto().pmr.v1;
const methodsOf = (service: { service: object }): string[] => Object.keys(service.service).sort();

const checks: Record<string, Check> = {
  list: (run) =>
    assert.deepEqual(run.stdout.trim().split('\n'), [
      'grpc.health.v1.Health',
      'pmr.v1.CollectionService',
      'pmr.v1.ImageService',
      'pmr.v1.OrchestratorService',
    ]),
  'list pmr.v1.CollectionService': (run) =>
    assert.deepEqual(
      run.stdout.trim().split('\n'),
      methodsOf(pmr.CollectionService).map((m) => `pmr.v1.CollectionService.${m}`),
    ),
  'describe pmr.v1.ImageService.DetectFaces': (run) => {
    assert.match(run.stdout, /^\/\/ Every face in the image with its box/m, 'the comment in proto/');
    assert.match(
      run.stdout,
      /rpc DetectFaces \( \.pmr\.v1\.DetectFacesRequest \) returns \( \.pmr\.v1\.DetectFacesResponse \)/,
    );
  },
  'describe pmr.v1.DetectFacesRequest': (run) => assert.match(run.stdout, /^ {2}uint32 max_faces = 2;$/m),
  'grpc.health.v1.Health/Check': (run) => assert.deepEqual(only(run), { status: 'SERVING' }),
  'pmr.v1.ImageService/DetectFaces': async (run, vars) => {
    const { faces, imageSize } = only<DetectFacesResponse__Output>(run);
    assert.deepEqual(imageSize, await readImageSize(readFileSync(vars.PHOTO)));
    assert.equal(faces.length, 2, 'Joe Biden and Barack Obama');
    for (const face of faces) {
      assert.ok(face.box!.width > 40 && face.confidence > 0.5);
      assert.ok(face.landmarks!.leftEye!.x > face.box!.x);
      assert.equal(face.attributes!.gender!.value, 'GENDER_MALE');
    }
  },
  'pmr.v1.ImageService/CompareFaces': (run) => {
    const { faceMatches, unmatchedFaces, similarityThreshold } = only<CompareFacesResponse__Output>(run);
    assert.equal(faceMatches.length, 1, 'Obama, and only him');
    assert.equal(unmatchedFaces.length, 1, 'Biden');
    assert.ok(faceMatches[0]!.similarity >= similarityThreshold);
    assert.ok((unmatchedFaces[0]!.similarity ?? 0) < similarityThreshold);
  },
  'pmr.v1.CollectionService/CreateCollection': (run) => {
    const { collection } = only<CreateCollectionResponse__Output>(run);
    assert.deepEqual([collection!.collectionId, collection!.tags], ['family', { owner: 'me' }]);
  },
  'pmr.v1.CollectionService/IndexFaces': (run, vars, line) => {
    const faces = only<IndexFacesResponse__Output>(run).indexedFaces.map((f) => f.face!);
    if (line.includes('"person_id":"alice"')) {
      assert.deepEqual(
        faces.map((f) => f.personId),
        ['alice'],
      );
      vars.FACE_ID = faces[0]!.faceId;
    } else {
      assert.equal(faces.length, 2, 'both faces of the group photo');
      for (const f of faces) assert.equal(f.personId, undefined, 'unassociated');
    }
  },
  'pmr.v1.CollectionService/DescribeCollection': (run) => {
    const { collection } = only<DescribeCollectionResponse__Output>(run);
    assert.deepEqual([collection!.faceCount, collection!.personCount], ['3', '1']);
  },
  'pmr.v1.CollectionService/ListCollections': (run) =>
    assert.ok(only<ListCollectionsResponse__Output>(run).collections.some((c) => c.collectionId === 'family')),
  'pmr.v1.CollectionService/ListFaces': (run) => assert.equal(only<ListFacesResponse__Output>(run).faces.length, 3),
  'pmr.v1.CollectionService/SearchFaces': (run) => {
    const best = only<SearchFacesResponse__Output>(run).faceMatches[0];
    assert.equal(best?.face!.externalImageId, 'group.jpg', "alice's face (Obama) is most like Obama's in the group");
  },
  'pmr.v1.CollectionService/SearchFacesByImage': (run, vars) => {
    const { faces } = only<SearchFacesByImageResponse__Output>(run);
    assert.equal(faces.length, 2);
    const withAlice = faces.filter((f) => f.faceMatches.some((m) => m.face!.faceId === vars.FACE_ID));
    assert.equal(withAlice.length, 1, "one face of the photo matches alice's");
  },
  'pmr.v1.CollectionService/SearchPersons': (run) => assert.ok(only<SearchPersonsResponse__Output>(run)),
  'pmr.v1.CollectionService/SearchPersonsByImage': (run) => {
    const { faces } = only<SearchPersonsByImageResponse__Output>(run);
    assert.deepEqual(
      faces.map((f) => f.personMatches?.[0]?.person!.personId ?? null).sort(),
      ['alice', null],
      'Obama is alice; Biden is nobody of the collection',
    );
  },
  'pmr.v1.OrchestratorService/UploadMedia': (run, vars) => {
    const bytes = readFileSync(vars.VIDEO);
    const { object } = only<UploadMediaResponse__Output>(run);
    assert.equal(object!.size, String(bytes.length));
    assert.equal(object!.sha256, createHash('sha256').update(bytes).digest('hex'));
  },
  'pmr.v1.OrchestratorService/StartVideoJob': (run, vars) => {
    const { job, created } = only<StartVideoJobResponse__Output>(run);
    assert.equal(created, true);
    vars.JOB = job!.id;
  },
  'pmr.v1.OrchestratorService/WatchJob': (run) => {
    const stream = messages(run.stdout) as unknown as WatchJobResponse__Output[];
    assert.ok(stream.length >= 2, `${stream.length} messages`);
    assert.equal(stream.at(-1)!.job!.state, 'JOB_STATE_SUCCEEDED');
  },
  'pmr.v1.OrchestratorService/GetJobResult': (run, vars, line) => {
    const page = only<GetJobResultResponse__Output>(run);
    assert.equal(page.job!.state, 'JOB_STATE_SUCCEEDED');
    assert.equal(page.tracks.length, 5);
    if (line.includes('page_token')) {
      assert.ok(page.tracks[0]!.id > 5, 'the second page');
      return;
    }
    assert.deepEqual(
      page.tracks.map((t) => t.id),
      [1, 2, 3, 4, 5],
    );
    assert.ok(
      page.persons.some((p) => p.name === 'alice'),
      `Obama is recognised as alice: ${page.persons.map((p) => p.label).join(', ')}`,
    );
    assert.ok(page.nextPageToken);
    vars.TOKEN = page.nextPageToken;
  },
  'pmr.v1.OrchestratorService/GetJob': (run, vars) => {
    const { job } = only<GetJobResponse__Output>(run);
    assert.deepEqual([job!.id, job!.state], [vars.JOB, 'JOB_STATE_SUCCEEDED']);
    assert.deepEqual([job!.video?.uri, job!.collectionId], [vars.VIDEO, 'family'], 'what the job was started with');
  },
  'pmr.v1.OrchestratorService/ListJobs': (run, vars) =>
    assert.ok(only<ListJobsResponse__Output>(run).jobs.some((j) => j.id === vars.JOB)),
  'pmr.v1.OrchestratorService/CancelJob': (run) =>
    assert.equal(only<CancelJobResponse__Output>(run).job!.state, 'JOB_STATE_SUCCEEDED', 'an ended job stays as it is'),
  'pmr.v1.CollectionService/CreatePerson': (run) =>
    assert.equal(only<CreatePersonResponse__Output>(run).person!.personId, 'bob'),
  'pmr.v1.CollectionService/DisassociateFaces': (run, vars) =>
    assert.deepEqual(only<DisassociateFacesResponse__Output>(run).disassociatedFaceIds, [vars.FACE_ID]),
  'pmr.v1.CollectionService/AssociateFaces': (run, vars) =>
    assert.deepEqual(only<AssociateFacesResponse__Output>(run).associatedFaceIds, [vars.FACE_ID]),
  'pmr.v1.CollectionService/ListPersons': (run) =>
    assert.deepEqual(
      only<ListPersonsResponse__Output>(run).persons.map((p) => [p.personId, p.faceCount ?? 0]),
      [
        ['alice', 0],
        ['bob', 1],
      ],
    ),
  'pmr.v1.CollectionService/DeletePerson': (run) => assert.deepEqual(only(run), { disassociatedFaces: 1 }),
  'pmr.v1.CollectionService/DeleteFaces': (run, vars) =>
    assert.deepEqual(only<DeleteFacesResponse__Output>(run).deletedFaceIds, [vars.FACE_ID]),
  'pmr.v1.CollectionService/DeleteCollection': (run) => assert.deepEqual(only(run), { deletedFaces: '2' }),
};

suite('grpcurl by server reflection on a running deployment', { skip: skipReason ?? false }, () => {
  let deployment: Deployment;
  const grpcurl = findGrpcurl()!;
  /** Run grpcurl with `args`, `input` on its standard input. */
  const call = (args: readonly string[], input?: string): Promise<ToolRun> =>
    runTool(grpcurl, ['-plaintext', ...args], { input });

  before(async () => {
    deployment = await startDeployment();
  });
  after(async () => {
    await deployment?.stop();
  });

  test("docs/api.md's examples run as written, with the answers they describe; the README's are among them", async () => {
    const examples = grpcurlExamples('docs/api.md');
    for (const line of grpcurlExamples('README.md'))
      assert.ok(examples.includes(line), `README's example is in docs/api.md, and so is run: ${line}`);
    const vars: ExampleVars = {
      PMR: deployment.orchestratorAddress(),
      PHOTO: join(dataDir, 'identities', '_groups', 'two_people.jpg'),
      FACE: join(dataDir, 'identities', 'barack_obama', 'obama3.jpg'),
      VIDEO: video('short_hamilton_clip.mp4'),
    };
    const called = new Set<string>();
    for (const line of examples) {
      const target = line.slice(line.lastIndexOf('$PMR ') + '$PMR '.length).trim();
      const check = checks[target];
      assert.ok(check, `no check for the example ${line}`);
      const env = { ...process.env, ...vars, PATH: `${dirname(grpcurl)}:${process.env.PATH ?? ''}` };
      const run = await runTool('bash', ['-c', line], { env, timeoutMs: 120_000 });
      assert.equal(run.code, 0, `${line}\n${run.stderr}`);
      try {
        await check(run, vars, line);
      } catch (err) {
        throw new Error(`${line}\n${run.stdout.slice(0, 2000)}`, { cause: err });
      }
      called.add(target.split('/')[1] ?? target);
    }
    const pmrMethods = [pmr.ImageService, pmr.CollectionService, pmr.OrchestratorService].flatMap(methodsOf);
    assert.deepEqual(
      pmrMethods.filter((m) => !called.has(m)),
      [],
      'every public call has an example',
    );
  });

  test('describe resolves what proto-loader descriptors could not: imported types and map fields', async () => {
    const address = deployment.orchestratorAddress();
    const collection = await call([address, 'describe', 'pmr.v1.Collection']);
    assert.equal(collection.code, 0, collection.stderr);
    assert.match(collection.stdout, /\.google\.protobuf\.Timestamp create_time = 6;/);
    assert.match(collection.stdout, /map<string, string> tags = 7;/);
    const health = await call([address, 'describe', 'grpc.health.v1.Health']);
    assert.equal(health.code, 0, health.stderr);
    assert.match(health.stdout, /rpc List \( \.grpc\.health\.v1\.HealthListRequest \)/);
  });

  test('errors: grpcurl prints the status and exits with 64 plus its code', async () => {
    const address = deployment.orchestratorAddress();
    const cases: Array<[string, string[], string | undefined, status, RegExp]> = [
      [
        'an unknown collection',
        ['-d', '{"collection_id":"nope"}', address, 'pmr.v1.CollectionService/DescribeCollection'],
        undefined,
        status.NOT_FOUND,
        /Code: NotFound\n\s+Message: no collection "nope"/,
      ],
      [
        'a video job on an unknown collection',
        ['-d', '@', address, 'pmr.v1.OrchestratorService/StartVideoJob'],
        JSON.stringify({ client_token: 't', video: { uri: video('short_hamilton_clip.mp4') }, collection_id: 'nope' }),
        status.NOT_FOUND,
        /Code: NotFound/,
      ],
      [
        'a bad collection id',
        ['-d', '{"collection_id":"a b"}', address, 'pmr.v1.CollectionService/CreateCollection'],
        undefined,
        status.INVALID_ARGUMENT,
        /Code: InvalidArgument\n\s+Message: collection id "a b"/,
      ],
    ];
    for (const [name, args, input, code, stderr] of cases) {
      const run = await call(args, input);
      assert.equal(run.code, 64 + code, `${name}: ${run.stderr}`);
      assert.match(run.stderr, stderr, name);
    }
    // A request the contract cannot hold never leaves grpcurl, which knows the message from reflection alone.
    const unknownField = await call(['-d', '{"collection":"x"}', address, 'pmr.v1.CollectionService/CreateCollection']);
    assert.equal(unknownField.code, 1);
    assert.match(unknownField.stderr, /pmr\.v1\.CreateCollectionRequest has no known field named collection/);
  });
});
