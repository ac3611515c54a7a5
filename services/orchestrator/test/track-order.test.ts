// GetJobResult's track orders: by time first seen, and by person (names, then unknown-N by N), each paged to the end
// with no track lost or repeated; a token of another order is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TrackJson } from '@pmr/results';
import { orderedTrackPage } from '../src/api/track-order.ts';

const track = (id: number, label: string, firstSeen: number): TrackJson => ({ id, label, firstSeen }) as TrackJson;

const TRACKS = [
  track(1, 'unknown-10', 3),
  track(2, 'obama', 1),
  track(3, 'unknown-2', 1),
  track(4, 'biden', 5),
  track(5, 'obama', 0.5),
  track(6, 'unknown-2', 0.2),
];

function all(order: 'TRACK_ORDER_TIME' | 'TRACK_ORDER_PERSON'): number[] {
  const ids: number[] = [];
  let pageToken = '';
  do {
    const page = orderedTrackPage(TRACKS, order, { pageSize: 4, pageToken });
    ids.push(...page.items.map((t) => t.id));
    pageToken = page.nextPageToken;
  } while (pageToken !== '');
  return ids;
}

test('by time first seen, then id; by person: names, then unknown-N by N, each by time', () => {
  assert.deepEqual(all('TRACK_ORDER_TIME'), [6, 5, 2, 3, 1, 4]);
  assert.deepEqual(all('TRACK_ORDER_PERSON'), [4, 5, 2, 6, 3, 1]);
});

test('a token of another order, or a malformed one, is INVALID_ARGUMENT', () => {
  const { nextPageToken } = orderedTrackPage(TRACKS, 'TRACK_ORDER_TIME', { pageSize: 2, pageToken: '' });
  assert.throws(() => orderedTrackPage(TRACKS, 'TRACK_ORDER_PERSON', { pageSize: 2, pageToken: nextPageToken }), {
    code: 'INVALID_ARGUMENT',
  });
  assert.throws(() => orderedTrackPage(TRACKS, 'TRACK_ORDER_TIME', { pageSize: 2, pageToken: 'x' }), {
    code: 'INVALID_ARGUMENT',
  });
  assert.throws(() => orderedTrackPage(TRACKS, 7 as never, { pageSize: 2, pageToken: '' }), {
    code: 'INVALID_ARGUMENT',
  });
});
