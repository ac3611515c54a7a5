// Original file: pmr/v1/image.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A reference to an object in the NATS JetStream object store, used for payloads too large for one message
 * (large frames, uploaded videos and photos).
 */
export interface ObjectRef {
  /**
   * Object store bucket name.
   */
  'bucket'?: (string);
  /**
   * Object name within the bucket.
   */
  'name'?: (string);
  /**
   * Size of the object in bytes.
   */
  'size'?: (number | string | Long);
  /**
   * Lower-case hex SHA-256 of the object's bytes, checked by the reader.
   */
  'sha256'?: (string);
}

/**
 * A reference to an object in the NATS JetStream object store, used for payloads too large for one message
 * (large frames, uploaded videos and photos).
 */
export interface ObjectRef__Output {
  /**
   * Object store bucket name.
   */
  'bucket': (string);
  /**
   * Object name within the bucket.
   */
  'name': (string);
  /**
   * Size of the object in bytes.
   */
  'size': (string);
  /**
   * Lower-case hex SHA-256 of the object's bytes, checked by the reader.
   */
  'sha256': (string);
}
