// The conventions every list call and store shares: pages of items with an opaque token for the next one, page sizes,
// and the free-form tags jobs and collections carry. Pure.
import { invalidArgument } from './errors.ts';

export interface Page<T> {
  readonly items: readonly T[];
  /** Empty on the last page. */
  readonly nextPageToken: string;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** A list call's page size: 1 to MAX_PAGE_SIZE, absent or 0 for DEFAULT_PAGE_SIZE. @throws PmrError INVALID_ARGUMENT */
export function pageSizeOf(input: { readonly pageSize?: number }): number {
  const size = input.pageSize ?? 0;
  if (size === 0) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw invalidArgument(`page size must be 1 to ${MAX_PAGE_SIZE} (0 for ${DEFAULT_PAGE_SIZE}), got ${size}`);
  }
  return size;
}

const utf8 = new TextEncoder();

export const MAX_TAGS = 16;
export const MAX_TAG_BYTES = 256;

/** @throws PmrError INVALID_ARGUMENT for more than MAX_TAGS tags, an empty key, or a key or value over MAX_TAG_BYTES */
export function validateTags(tags: Readonly<Record<string, string>>): void {
  const entries = Object.entries(tags);
  if (entries.length > MAX_TAGS) throw invalidArgument(`at most ${MAX_TAGS} tags, got ${entries.length}`);
  for (const [key, value] of entries) {
    if (key.length === 0) throw invalidArgument('tag keys must not be empty');
    if (utf8.encode(key).length > MAX_TAG_BYTES || utf8.encode(value).length > MAX_TAG_BYTES) {
      throw invalidArgument(`tag "${key.slice(0, 32)}": keys and values are limited to ${MAX_TAG_BYTES} bytes`);
    }
  }
}
