// What a call may do with an ObjectRef its caller sends: name an object UploadMedia made, in the uploads bucket only
// (nothing else in the object store — frames, other services' state — is the caller's to read or, once a job ends,
// to delete), and, for a small file such as a photo, read it whole, checked against the size and sha256 it gives.
import { createHash } from 'node:crypto';
import { invalidArgument, permissionDenied, quote } from '@pmr/common';
import { PMR_MAX_MESSAGE_BYTES } from '@pmr/common/proto';
import type { ObjectRef__Output } from '@pmr/common/proto/generated/pmr/v1/ObjectRef.ts';
import type { UploadSink } from '../job-runner.ts';
import { readSmallUpload } from './upload-media.ts';

/** Longest bucket and object name an ObjectRef may carry; UploadMedia's names are far shorter. */
const MAX_OBJECT_NAME_CHARS = 512;

/** Largest uploaded file read whole (a photo): as large as one sent inline may be by default. */
export const MAX_SMALL_UPLOAD_BYTES = PMR_MAX_MESSAGE_BYTES;

/**
 * The ObjectRef's bucket and name, checked for presence, length and naming the uploads bucket.
 * @throws PmrError INVALID_ARGUMENT, PERMISSION_DENIED
 */
export function uploadedObject(
  ref: ObjectRef__Output,
  field: string,
  uploadsBucket: string,
): { bucket: string; name: string } {
  if (ref.bucket === '' || ref.name === '')
    throw invalidArgument(`${field} needs the bucket and name UploadMedia answered`);
  if (ref.bucket.length > MAX_OBJECT_NAME_CHARS || ref.name.length > MAX_OBJECT_NAME_CHARS) {
    throw invalidArgument(
      `${field} ${quote(ref.name)} in bucket ${quote(ref.bucket)} is not an object UploadMedia made (names have at most ${MAX_OBJECT_NAME_CHARS} characters)`,
    );
  }
  if (ref.bucket !== uploadsBucket) {
    throw permissionDenied(
      `${field}: bucket ${quote(ref.bucket)} is not the uploads bucket ${quote(uploadsBucket)}; send files with UploadMedia`,
    );
  }
  return { bucket: ref.bucket, name: ref.name };
}

/**
 * An uploaded small file's bytes (`what` names it in messages, e.g. "a gallery photo"), checked against the size and
 * sha256 the reference gives. @throws PmrError INVALID_ARGUMENT, PERMISSION_DENIED, NOT_FOUND
 */
export async function readUploadedFile(
  uploads: UploadSink,
  ref: ObjectRef__Output,
  field: string,
  what: string,
): Promise<Uint8Array> {
  const data = await readSmallUpload(
    await uploads.read(uploadedObject(ref, field, uploads.bucket)),
    MAX_SMALL_UPLOAD_BYTES,
    () =>
      invalidArgument(
        `${field}: object ${quote(ref.name)} is larger than ${MAX_SMALL_UPLOAD_BYTES} bytes, too large for ${what}`,
      ),
  );
  if (ref.size !== '0' && Number(ref.size) !== data.length)
    throw invalidArgument(`${field}: object ${quote(ref.name)} has ${data.length} bytes, not ${ref.size}`);
  if (ref.sha256 !== '' && createHash('sha256').update(data).digest('hex') !== ref.sha256.toLowerCase()) {
    throw invalidArgument(`${field}: object ${quote(ref.name)} does not match its sha256`);
  }
  return data;
}
