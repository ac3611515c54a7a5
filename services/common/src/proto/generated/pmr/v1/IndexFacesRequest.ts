// Original file: pmr/v1/collection_service.proto

import type { ImageSource as _pmr_v1_ImageSource, ImageSource__Output as _pmr_v1_ImageSource__Output } from '../../pmr/v1/ImageSource.ts';
import type { QualityFilter as _pmr_v1_QualityFilter, QualityFilter__Output as _pmr_v1_QualityFilter__Output } from '../../pmr/v1/QualityFilter.ts';

/**
 * Request of CollectionService.IndexFaces.
 */
export interface IndexFacesRequest {
  /**
   * The collection to add to.
   */
  'collectionId'?: (string);
  /**
   * The image.
   */
  'image'?: (_pmr_v1_ImageSource | null);
  /**
   * The client's name for the image (up to 255 characters), stored with each face.
   */
  'externalImageId'?: (string);
  /**
   * With a person id: the gallery enrolment rules, and the subject's face is associated with this person (created
   * when new, once a face of it is indexed). Empty: every usable face, unassociated.
   */
  'personId'?: (string);
  /**
   * Most faces indexed, largest first (1 to 100); 0: 100.
   */
  'maxFaces'?: (number);
  /**
   * Which faces are usable.
   */
  'qualityFilter'?: (_pmr_v1_QualityFilter);
}

/**
 * Request of CollectionService.IndexFaces.
 */
export interface IndexFacesRequest__Output {
  /**
   * The collection to add to.
   */
  'collectionId': (string);
  /**
   * The image.
   */
  'image': (_pmr_v1_ImageSource__Output | null);
  /**
   * The client's name for the image (up to 255 characters), stored with each face.
   */
  'externalImageId': (string);
  /**
   * With a person id: the gallery enrolment rules, and the subject's face is associated with this person (created
   * when new, once a face of it is indexed). Empty: every usable face, unassociated.
   */
  'personId': (string);
  /**
   * Most faces indexed, largest first (1 to 100); 0: 100.
   */
  'maxFaces': (number);
  /**
   * Which faces are usable.
   */
  'qualityFilter': (_pmr_v1_QualityFilter__Output);
}
