import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameTimes, LineSplitter, parseLogLine, type LogLine } from '../src/ffmpeg-log.ts';

test('parseLogLine: errors lose their level tag, showinfo lines give time bases and frames, the rest is other', () => {
  const cases: Array<[string, LogLine]> = [
    ['[error] file:/x.mp4: No such file or directory', { kind: 'error', text: 'file:/x.mp4: No such file or directory' }],
    ['[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5582] [error] moov atom not found', { kind: 'error', text: '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5582] moov atom not found' }],
    ['[h264 @ 0x55c1] [fatal] out of memory', { kind: 'error', text: '[h264 @ 0x55c1] out of memory' }],
    ['[h264 @ 0x55c1] [warning] deprecated pixel format used', { kind: 'other' }],
    ['[info]   Stream #0:0 -> #0:0 (h264 (native) -> rawvideo (native))', { kind: 'other' }],
    ['[Parsed_showinfo_0 @ 0x560c] [info] config in time_base: 1/11988, frame_rate: 2997/100', { kind: 'timeBase', filter: 'Parsed_showinfo_0', seconds: 1 / 11988 }],
    ['[Parsed_showinfo_0 @ 0x560c] [info] config out time_base: 0/0, frame_rate: 0/0', { kind: 'other' }],
    ['[Parsed_showinfo_2 @ 0x560c] [info] config in time_base: 0/0, frame_rate: 0/0', { kind: 'timeBase', filter: 'Parsed_showinfo_2', seconds: null }],
    ['[Parsed_showinfo_0 @ 0x560c] [info] n:   0 pts:  10118 pts_time:0.844011 pos:    10226 fmt:yuv420p sar:1/1 s:640x360 i:P iskey:1 type:I ', { kind: 'frame', filter: 'Parsed_showinfo_0', n: 0, pts: 10118 }],
    ['[Parsed_showinfo_0 @ 0x560c] [info] n:1234 pts:-2048 pts_time:-0.2 pos: 3350 fmt:yuv420p', { kind: 'frame', filter: 'Parsed_showinfo_0', n: 1234, pts: -2048 }],
    ['[Parsed_showinfo_0 @ 0x560c] [info] n:   7 pts:NOPTS pts_time:NOPTS pos: -1', { kind: 'frame', filter: 'Parsed_showinfo_0', n: 7, pts: null }],
    ['[Parsed_select_1 @ 0x560c] [info] n:   0 pts:  10118 pts_time:0.844011', { kind: 'other' }],
    ['[Parsed_showinfo_0 @ 0x560c] [info] color_range:tv color_space:bt709 color_primaries:bt709', { kind: 'other' }],
    ['frame=  100 fps=0.0 q=-0.0 size=N/A', { kind: 'other' }],
    ['', { kind: 'other' }],
  ];
  for (const [line, expected] of cases) assert.deepEqual(parseLogLine(line), expected, line);
});

test('LineSplitter: whole lines only, a partial line waits for the rest, CRLF accepted', () => {
  const split = new LineSplitter();
  assert.deepEqual(split.push('a\nb'), ['a']);
  assert.deepEqual(split.push('c\r\nd\n'), ['bc', 'd']);
  assert.deepEqual(split.push('tail'), []);
  assert.deepEqual(split.flush(), ['tail']);
  assert.deepEqual(split.flush(), []);
});

const F = 'Parsed_showinfo_0';
const frame = (n: number, pts: number | null, filter = F): LogLine => ({ kind: 'frame', filter, n, pts });
const timeBase = (seconds: number, filter = F): LogLine => ({ kind: 'timeBase', filter, seconds });

test('FrameTimes: ticks times the time base, by frame number, of its own filter; earlier ones dropped; null without a time base or pts', async () => {
  const times = new FrameTimes(F);
  times.see(frame(0, 5)); // before any time base: unknown
  times.see(timeBase(0.5));
  times.see(timeBase(100, 'Parsed_showinfo_2'));
  times.see(frame(1, 4));
  times.see(frame(1, 9, 'Parsed_showinfo_2'));
  times.see(frame(2, null));
  times.see(frame(3, 7));
  assert.equal(await times.time(0), null);
  assert.equal(await times.time(1), 2);
  assert.equal(await times.time(3), 3.5, 'frame 2 is skipped over');
  times.end();
  assert.equal(await times.time(4), undefined, 'never reported before the end');
});

test('FrameTimes: a reader waits for its frame line; after the end it gets undefined', async () => {
  const times = new FrameTimes(F);
  times.see(timeBase(0.1));
  const first = times.time(0);
  times.see(frame(0, 3));
  assert.equal(await first, 0.30000000000000004);
  const second = times.time(1);
  times.end();
  assert.equal(await second, undefined);
});

test('FrameTimes: when a line does not come within the wait, it stops waiting for any later frame', async () => {
  const times = new FrameTimes(F, 20);
  times.see(timeBase(1));
  const started = performance.now();
  assert.equal(await times.time(0), undefined);
  assert.ok(performance.now() - started >= 15, 'waited');
  const again = performance.now();
  assert.equal(await times.time(1), undefined);
  assert.ok(performance.now() - again < 15, 'did not wait again');
  times.see(frame(2, 9));
  assert.equal(await times.time(2), 9, 'a time that is there is still used');
});
