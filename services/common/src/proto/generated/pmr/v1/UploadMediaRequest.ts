// Original file: pmr/v1/orchestrator_service.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A message of the OrchestratorService.UploadMedia request stream.
 */
export interface UploadMediaRequest {
  /**
   * The file's name, for messages and rejection reasons; read from the first message only.
   */
  'fileName'?: (string);
  /**
   * Total size of the file in bytes; read from the first message only.
   */
  'size'?: (number | string | Long);
  /**
   * The next chunk of the file, at most 1 MiB.
   */
  'chunk'?: (Buffer | Uint8Array | string);
}

/**
 * A message of the OrchestratorService.UploadMedia request stream.
 */
export interface UploadMediaRequest__Output {
  /**
   * The file's name, for messages and rejection reasons; read from the first message only.
   */
  'fileName': (string);
  /**
   * Total size of the file in bytes; read from the first message only.
   */
  'size': (string);
  /**
   * The next chunk of the file, at most 1 MiB.
   */
  'chunk': (Buffer);
}
