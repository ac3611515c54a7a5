// GetJobResult's track orders other than by id (pmr.v1.TrackOrder): the whole list sorted, then paged by position with
// a token that names its order, so a token of another order (or of the by-id listing) is refused. Pure.
import { invalidArgument, pageSizeOf } from '@pmr/common';
import type { TrackOrder__Output } from '@pmr/common/proto/generated/pmr/v1/TrackOrder.ts';
import type { TrackJson } from '@pmr/results';

type Ordered = Exclude<TrackOrder__Output, 'TRACK_ORDER_UNSPECIFIED'>;

const UNKNOWN = /^unknown-(\d+)$/;

/** Named persons by name first, then the unknown-N groups by N. */
function compareLabels(a: string, b: string): number {
  const ua = UNKNOWN.exec(a);
  const ub = UNKNOWN.exec(b);
  if (ua === null && ub === null) return a < b ? -1 : a > b ? 1 : 0;
  if (ua === null) return -1;
  if (ub === null) return 1;
  return Number(ua[1]) - Number(ub[1]);
}

const COMPARE: Readonly<Record<Ordered, (a: TrackJson, b: TrackJson) => number>> = {
  TRACK_ORDER_TIME: (a, b) => a.firstSeen - b.firstSeen || a.id - b.id,
  TRACK_ORDER_PERSON: (a, b) => compareLabels(a.label, b.label) || a.firstSeen - b.firstSeen || a.id - b.id,
};

/** One page of `tracks` in `order`. @throws PmrError INVALID_ARGUMENT for a bad page size or a token of another order */
export function orderedTrackPage(
  tracks: readonly TrackJson[],
  order: Ordered,
  input: { readonly pageSize: number; readonly pageToken: string },
): { readonly items: TrackJson[]; readonly nextPageToken: string } {
  if (!Object.hasOwn(COMPARE, order)) throw invalidArgument(`order ${String(order)} is not a TrackOrder`);
  const size = pageSizeOf(input);
  const start = offsetOf(input.pageToken, order);
  const items = tracks.toSorted(COMPARE[order]).slice(start, start + size);
  const next = start + items.length;
  return { items, nextPageToken: next < tracks.length ? encode(order, next) : '' };
}

function encode(order: Ordered, offset: number): string {
  return Buffer.from(JSON.stringify({ o: order, n: offset })).toString('base64url');
}

function offsetOf(token: string, order: Ordered): number {
  if (token === '') return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch (cause) {
    throw invalidArgument('page_token is malformed: pass the next_page_token of the previous page unchanged', cause);
  }
  const { o, n } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (o !== order || typeof n !== 'number' || !Number.isInteger(n) || n < 0)
    throw invalidArgument('page_token was made for another order or call: page with the order you started with');
  return n;
}
