// The galleries a recognizer serves, by id. Today one gallery enrolled at start-up (see startup-gallery.ts); a
// store that enrols galleries per job can implement the same interface.
import type { Gallery } from '../gallery.ts';

export interface GalleryStore {
  /** The gallery with this id, or undefined. */
  get(id: string): Gallery | undefined;
  /** The ids served, sorted (for messages and logs). */
  ids(): string[];
}

/** A fixed store over the given galleries. */
export function staticGalleryStore(galleries: Iterable<readonly [string, Gallery]>): GalleryStore {
  const byId = new Map(galleries);
  return {
    get: (id) => byId.get(id),
    ids: () => [...byId.keys()].sort(),
  };
}
