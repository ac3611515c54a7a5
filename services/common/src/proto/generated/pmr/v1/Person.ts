// Original file: pmr/v1/collection_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp.ts';

/**
 * A person: faces grouped under one id (Rekognition's user). Video jobs and SearchPersons name persons by id.
 */
export interface Person {
  /**
   * The id the client chose; video results report it as the track's name.
   */
  'personId'?: (string);
  /**
   * Faces associated with the person.
   */
  'faceCount'?: (number);
  /**
   * When it was created.
   */
  'createTime'?: (_google_protobuf_Timestamp | null);
}

/**
 * A person: faces grouped under one id (Rekognition's user). Video jobs and SearchPersons name persons by id.
 */
export interface Person__Output {
  /**
   * The id the client chose; video results report it as the track's name.
   */
  'personId': (string);
  /**
   * Faces associated with the person.
   */
  'faceCount': (number);
  /**
   * When it was created.
   */
  'createTime': (_google_protobuf_Timestamp__Output | null);
}
