// Original file: pmr/v1/collection_service.proto

import type { IndexedFace as _pmr_v1_IndexedFace, IndexedFace__Output as _pmr_v1_IndexedFace__Output } from '../../pmr/v1/IndexedFace.ts';
import type { UnindexedFace as _pmr_v1_UnindexedFace, UnindexedFace__Output as _pmr_v1_UnindexedFace__Output } from '../../pmr/v1/UnindexedFace.ts';
import type { ImageSize as _pmr_v1_ImageSize, ImageSize__Output as _pmr_v1_ImageSize__Output } from '../../pmr/v1/ImageSize.ts';

/**
 * Response of CollectionService.IndexFaces.
 */
export interface IndexFacesResponse {
  /**
   * The faces added, largest first.
   */
  'indexedFaces'?: (_pmr_v1_IndexedFace)[];
  /**
   * The faces found and left out, largest first.
   */
  'unindexedFaces'?: (_pmr_v1_UnindexedFace)[];
  /**
   * The image's size as displayed; boxes are in these pixels.
   */
  'imageSize'?: (_pmr_v1_ImageSize | null);
  /**
   * The embedding model the faces were indexed with.
   */
  'embeddingModel'?: (string);
}

/**
 * Response of CollectionService.IndexFaces.
 */
export interface IndexFacesResponse__Output {
  /**
   * The faces added, largest first.
   */
  'indexedFaces': (_pmr_v1_IndexedFace__Output)[];
  /**
   * The faces found and left out, largest first.
   */
  'unindexedFaces': (_pmr_v1_UnindexedFace__Output)[];
  /**
   * The image's size as displayed; boxes are in these pixels.
   */
  'imageSize': (_pmr_v1_ImageSize__Output | null);
  /**
   * The embedding model the faces were indexed with.
   */
  'embeddingModel': (string);
}
