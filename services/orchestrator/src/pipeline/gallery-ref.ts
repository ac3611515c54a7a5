// What a job's gallery is, as its record keeps it (JobRecord.galleryDigest): the digest of the photos it was sent
// with, or a reference to the face collection it recognises (`collection:<id>`). One place reads and writes the form.
const COLLECTION_PREFIX = 'collection:';

export type GalleryRef =
  | { readonly kind: 'none' }
  | { readonly kind: 'photos'; readonly digest: string }
  | { readonly kind: 'collection'; readonly collectionId: string };

/** The job record's value for a job that recognises the persons of a collection. */
export function collectionGalleryRef(collectionId: string): string {
  return `${COLLECTION_PREFIX}${collectionId}`;
}

export function galleryRefOf(galleryDigest: string | null): GalleryRef {
  if (galleryDigest === null) return { kind: 'none' };
  if (galleryDigest.startsWith(COLLECTION_PREFIX))
    return { kind: 'collection', collectionId: galleryDigest.slice(COLLECTION_PREFIX.length) };
  return { kind: 'photos', digest: galleryDigest };
}
