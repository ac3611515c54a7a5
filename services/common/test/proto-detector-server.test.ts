// A real grpc-js server on 127.0.0.1:0 with a trivial DetectorService (echoes one face covering the image),
// called over the socket by the typed client: the handler validation answers INVALID_ARGUMENT, and the
// message size limits behave as proto/README.md says.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { credentials, Server, ServerCredentials, status, type ChannelOptions, type ServiceError } from '@grpc/grpc-js';
import type { DetectRequest } from '../src/proto/generated/pmr/v1/DetectRequest.ts';
import type { DetectResponse__Output } from '../src/proto/generated/pmr/v1/DetectResponse.ts';
import type { DetectorServiceClient, DetectorServiceHandlers } from '../src/proto/generated/pmr/v1/DetectorService.ts';
import { checkImage, loadPmrProto, messageSizeOptions, rgbImageToProto, toServiceError } from '../src/proto/index.ts';

const pmr = loadPmrProto().pmr.v1;

const QUALITY = { score: 0.5, detector: 0.9, size: 0.25, sharpness: 0.75, frontalness: 1 };

/** Echo: one face whose box is the whole image, with fixed landmarks and the image itself as its chip. */
const echoDetector: DetectorServiceHandlers = {
  Detect(call, callback) {
    let image;
    try {
      image = checkImage(call.request.image, 'image');
    } catch (err) {
      callback(toServiceError(err));
      return;
    }
    const { width: w, height: h } = image;
    callback(null, {
      faces: [
        {
          box: { x: 0, y: 0, width: w, height: h },
          landmarks: {
            leftEye: { x: w * 0.25, y: h * 0.25 },
            rightEye: { x: w * 0.75, y: h * 0.25 },
            noseTip: { x: w * 0.5, y: h * 0.5 },
            leftMouth: { x: w * 0.25, y: h * 0.75 },
            rightMouth: { x: w * 0.75, y: h * 0.75 },
          },
          score: call.request.scoreThreshold ?? 0.9,
          quality: QUALITY,
          chip: image,
        },
      ],
    });
  },
};

interface Running {
  readonly client: DetectorServiceClient;
  close(): Promise<void>;
}

async function start(serverOptions: ChannelOptions = {}, clientOptions: ChannelOptions = {}): Promise<Running> {
  const server = new Server(serverOptions);
  server.addService(pmr.DetectorService.service, echoDetector);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    );
  });
  const client = new pmr.DetectorService(`127.0.0.1:${port}`, credentials.createInsecure(), clientOptions);
  return {
    client,
    async close() {
      client.close();
      await new Promise<void>((resolve, reject) => server.tryShutdown((err) => (err ? reject(err) : resolve())));
    },
  };
}

function detect(client: DetectorServiceClient, request: DetectRequest): Promise<DetectResponse__Output> {
  return new Promise((resolve, reject) => {
    client.Detect(request, (err, response) => {
      if (err) reject(err);
      else if (response === undefined) reject(new Error('no response'));
      else resolve(response);
    });
  });
}

/** Send hand-encoded protobuf bytes to Detect, as a client in another language or a broken one could. */
function detectRaw(client: DetectorServiceClient, bytes: Buffer): Promise<Buffer> {
  const same = (b: Buffer): Buffer => b;
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest('/pmr.v1.DetectorService/Detect', same, same, bytes, (err, response) => {
      if (err) reject(err);
      else if (response === undefined) reject(new Error('no response'));
      else resolve(response);
    });
  });
}

function isServiceError(err: unknown): err is ServiceError {
  return err instanceof Error && typeof (err as Partial<ServiceError>).code === 'number';
}

test('a typed client gets the echoed face back over the socket', async () => {
  const running = await start();
  try {
    const pixels = Uint8Array.from({ length: 4 * 3 * 3 }, (_, i) => i);
    const response = await detect(running.client, {
      image: rgbImageToProto({ width: 4, height: 3, data: pixels }),
      scoreThreshold: 0.7,
    });
    assert.equal(response.faces.length, 1);
    const face = response.faces[0]!;
    assert.deepEqual(face.box, { x: 0, y: 0, width: 4, height: 3 });
    assert.deepEqual(face.landmarks?.noseTip, { x: 2, y: 1.5 });
    assert.deepEqual(face.landmarks?.rightMouth, { x: 3, y: 2.25 });
    assert.equal(face.score, 0.7);
    assert.deepEqual(face.quality, QUALITY);
    assert.equal(face.chip?.encoding, 'IMAGE_ENCODING_RGB24');
    assert.equal(face.chip?.width, 4);
    assert.deepEqual(new Uint8Array(face.chip?.data ?? []), pixels);
  } finally {
    await running.close();
  }
});

// Field 1 (image, length-delimited) wrapping field 1 (encoding) = 9, width 1, height 1, data 3 bytes.
const UNKNOWN_ENCODING = Buffer.from([0x0a, 0x0b, 0x08, 0x09, 0x10, 0x01, 0x18, 0x01, 0x22, 0x03, 1, 2, 3]);
// Only field 99 (varint 1): a field this schema does not know. It is skipped, so the image is missing.
const UNKNOWN_FIELD_ONLY = Buffer.from([0x98, 0x06, 0x01]);

const INVALID: ReadonlyArray<{ name: string; send: DetectRequest | Buffer; details: string }> = [
  { name: 'no image', send: {}, details: 'image is required' },
  {
    name: 'unspecified encoding',
    send: { image: { width: 1, height: 1, data: Buffer.from([1, 2, 3]) } },
    details: 'image.encoding must be IMAGE_ENCODING_RGB24 or IMAGE_ENCODING_JPEG, got IMAGE_ENCODING_UNSPECIFIED',
  },
  { name: 'encoding number unknown to the schema', send: UNKNOWN_ENCODING, details: 'got 9' },
  { name: 'only an unknown field', send: UNKNOWN_FIELD_ONLY, details: 'image is required' },
  {
    name: 'RGB24 data of the wrong length',
    send: { image: { encoding: 'IMAGE_ENCODING_RGB24', width: 2, height: 2, data: Buffer.alloc(11) } },
    details: 'image.data holds 11 bytes; RGB24 2x2 needs 12',
  },
  {
    name: 'zero width',
    send: { image: { encoding: 'IMAGE_ENCODING_RGB24', width: 0, height: 2, data: Buffer.alloc(0) } },
    details: 'image.width must be an integer from 1 to 8192, got 0',
  },
  {
    name: 'empty JPEG',
    send: { image: { encoding: 'IMAGE_ENCODING_JPEG', width: 2, height: 2 } },
    details: 'image.data is empty',
  },
];

test('invalid and unknown request content gets INVALID_ARGUMENT from the handler, and the server stays up', async () => {
  const running = await start();
  try {
    for (const { name, send, details } of INVALID) {
      const call = Buffer.isBuffer(send) ? detectRaw(running.client, send) : detect(running.client, send);
      await assert.rejects(call, (err: unknown) => {
        assert.ok(isServiceError(err), name);
        assert.equal(err.code, status.INVALID_ARGUMENT, name);
        assert.ok(err.details.includes(details), `${name}: ${err.details}`);
        return true;
      });
    }
    const ok = await detect(running.client, {
      image: rgbImageToProto({ width: 1, height: 1, data: new Uint8Array(3) }),
    });
    assert.equal(ok.faces.length, 1);
  } finally {
    await running.close();
  }
});

test('a 1080p RGB24 frame (6.2 MB) exceeds the default 4 MiB limit and passes with messageSizeOptions()', async () => {
  const frame = rgbImageToProto({ width: 1920, height: 1080, data: new Uint8Array(1920 * 1080 * 3) });
  const narrow = await start();
  try {
    await assert.rejects(detect(narrow.client, { image: frame }), (err: unknown) => {
      assert.ok(isServiceError(err));
      assert.equal(err.code, status.RESOURCE_EXHAUSTED);
      return true;
    });
  } finally {
    await narrow.close();
  }
  const wide = await start(messageSizeOptions(), messageSizeOptions());
  try {
    const response = await detect(wide.client, { image: frame });
    assert.deepEqual(response.faces[0]?.box, { x: 0, y: 0, width: 1920, height: 1080 });
    assert.equal(response.faces[0]?.chip?.data.length, 1920 * 1080 * 3);
  } finally {
    await wide.close();
  }
});
