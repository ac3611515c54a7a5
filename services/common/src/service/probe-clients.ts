// Small clients for what every PMR service exposes besides its own calls: the standard health service and server
// reflection. For readiness waits (a cluster launcher, tests) and operators' checks.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  credentials,
  loadPackageDefinition,
  makeClientConstructor,
  type Client,
  type ClientDuplexStream,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { service as healthService, type ServingStatus } from 'grpc-health-check';

/** A health status as the health service reports it; SERVICE_UNKNOWN when the server does not know the name. */
export type ReportedStatus = ServingStatus | 'SERVICE_UNKNOWN';

interface HealthClient extends Client {
  Check(
    request: { service: string },
    options: { deadline: number },
    callback: (err: ServiceError | null, response?: { status: ReportedStatus }) => void,
  ): void;
  Watch(request: { service: string }): NodeJS.ReadableStream & { cancel(): void };
}

const HealthClientConstructor = makeClientConstructor(healthService, 'grpc.health.v1.Health') as unknown as new (
  address: string,
  creds: ReturnType<typeof credentials.createInsecure>,
) => HealthClient;

/** Check the health of `service` ('' for the whole server) at `address`. Rejects with the ServiceError when unreachable. */
export async function checkHealth(address: string, service = '', deadlineMs = 5000): Promise<ReportedStatus> {
  const client = new HealthClientConstructor(address, credentials.createInsecure());
  try {
    return await new Promise<ReportedStatus>((resolve, reject) => {
      client.Check({ service }, { deadline: Date.now() + deadlineMs }, (err, response) =>
        err ? reject(err) : resolve(response?.status ?? 'UNKNOWN'),
      );
    });
  } finally {
    client.close();
  }
}

/**
 * Watch the health of `service`: `onStatus` gets every status the server sends, until the stream ends (the server
 * went away) or close() is called.
 */
export function watchHealth(
  address: string,
  service: string,
  onStatus: (status: ReportedStatus) => void,
): { readonly ended: Promise<void>; close(): void } {
  const client = new HealthClientConstructor(address, credentials.createInsecure());
  const call = client.Watch({ service });
  call.on('data', (response: { status: ReportedStatus }) => onStatus(response.status));
  const ended = new Promise<void>((resolve) => {
    call.on('error', () => resolve());
    call.on('end', () => resolve());
  }).finally(() => client.close());
  return { ended, close: () => call.cancel() };
}

interface ReflectionRequest {
  listServices?: string;
  fileContainingSymbol?: string;
}

interface ReflectionResponse {
  listServicesResponse?: { service: Array<{ name: string }> } | null;
  fileDescriptorResponse?: { fileDescriptorProto: Buffer[] } | null;
  errorResponse?: { errorCode: number; errorMessage: string } | null;
}

interface ReflectionClient extends Client {
  ServerReflectionInfo(): ClientDuplexStream<ReflectionRequest, ReflectionResponse>;
}

let reflectionConstructor:
  (new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => ReflectionClient) | undefined;

function reflectionClient(address: string): ReflectionClient {
  if (reflectionConstructor === undefined) {
    const protoDir = join(dirname(createRequire(import.meta.url).resolve('@grpc/reflection')), '..', 'proto');
    const definition = loadSync('grpc/reflection/v1/reflection.proto', {
      includeDirs: [protoDir],
      keepCase: false,
      defaults: true,
      oneofs: true,
    });
    const loaded = loadPackageDefinition(definition) as unknown as {
      grpc: {
        reflection: {
          v1: {
            ServerReflection: new (
              address: string,
              creds: ReturnType<typeof credentials.createInsecure>,
            ) => ReflectionClient;
          };
        };
      };
    };
    reflectionConstructor = loaded.grpc.reflection.v1.ServerReflection;
  }
  return new reflectionConstructor(address, credentials.createInsecure());
}

/** Ask server reflection (v1) at `address` one question; rejects with its error response, if it answers one. */
async function askReflection(address: string, request: ReflectionRequest): Promise<ReflectionResponse> {
  const client = reflectionClient(address);
  try {
    return await new Promise<ReflectionResponse>((resolve, reject) => {
      const call = client.ServerReflectionInfo();
      call.on('data', (response: ReflectionResponse) => {
        if (response.errorResponse)
          reject(
            new Error(`reflection error ${response.errorResponse.errorCode}: ${response.errorResponse.errorMessage}`),
          );
        else resolve(response);
        call.end();
      });
      call.on('error', reject);
      call.write(request);
    });
  } finally {
    client.close();
  }
}

/** The service names server reflection (v1) lists at `address`, sorted. */
export async function listReflectedServices(address: string): Promise<string[]> {
  const response = await askReflection(address, { listServices: '' });
  return (response.listServicesResponse?.service ?? []).map((s) => s.name).sort();
}

/**
 * The encoded FileDescriptorProtos server reflection (v1) at `address` answers for `symbol` (`pmr.v1.Collection`):
 * the file that declares it first, then the files it needs.
 */
export async function reflectedFiles(address: string, symbol: string): Promise<Buffer[]> {
  const response = await askReflection(address, { fileContainingSymbol: symbol });
  return response.fileDescriptorResponse?.fileDescriptorProto ?? [];
}
