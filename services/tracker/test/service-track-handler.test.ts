// The Track handler on a fake duplex call (no socket): one response per request then the end message,
// reading paused while the transport is full, and a bad frame ending the stream with INVALID_ARGUMENT.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { status, type StatusObject } from '@grpc/grpc-js';
import { silentLogger } from '@pmr/common/logger';
import type { TrackRequest__Output, TrackResponse } from '../src/service/common-bridge.ts';
import { serveTrack, type TrackCall } from '../src/service/track-handler.ts';
import { twoWalkers } from './service-fixtures.ts';

class FakeCall extends EventEmitter implements TrackCall {
  cancelled = false;
  readonly written: TrackResponse[] = [];
  readonly errors: Partial<StatusObject>[] = [];
  readonly log: string[] = [];
  ended = false;
  accepting = true;
  write(message: TrackResponse): boolean {
    this.written.push(message);
    return this.accepting;
  }
  end(): void {
    this.ended = true;
  }
  pause(): this {
    this.log.push('pause');
    return this;
  }
  resume(): this {
    this.log.push('resume');
    return this;
  }
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'error') {
      this.errors.push(args[0] as Partial<StatusObject>);
      return true;
    }
    return super.emit(event, ...args);
  }
  send(request: TrackRequest__Output): void {
    this.emit('data', request);
  }
}

test('one response per request, then the end message with the finished tracks; counts reported once', () => {
  const call = new FakeCall();
  const ends: Array<[number, number]> = [];
  serveTrack(call, { logger: silentLogger(), onStreamEnd: (f, t) => ends.push([f, t]) }, silentLogger());
  for (const r of twoWalkers('job', 4)) call.send(r);
  call.emit('end');
  assert.deepEqual(
    call.written.map((r) => [r.frameIndex, r.assigned?.length, r.finished?.length, r.end]),
    [
      [0, 0, 0, false],
      [1, 4, 0, false],
      [2, 2, 0, false],
      [3, 2, 0, false],
      [3, 0, 2, true],
    ],
  );
  assert.equal(call.ended, true);
  assert.deepEqual(ends, [[8, 2]]);
  assert.deepEqual(call.errors, []);
});

test('backpressure: a write returning false pauses reading until drain', () => {
  const call = new FakeCall();
  serveTrack(call, { logger: silentLogger() }, silentLogger());
  const [first, second] = twoWalkers('job', 2);
  call.accepting = false;
  call.send(first!);
  assert.deepEqual(call.log, ['pause']);
  call.accepting = true;
  call.emit('drain');
  assert.deepEqual(call.log, ['pause', 'resume']);
  call.send(second!);
  assert.deepEqual(call.log, ['pause', 'resume']);
});

test('a frame out of time order ends the stream with INVALID_ARGUMENT; later messages are ignored', () => {
  const call = new FakeCall();
  serveTrack(call, { logger: silentLogger() }, silentLogger());
  const frames = twoWalkers('job', 3);
  call.send(frames[0]!);
  call.send(frames[2]!);
  call.send({ ...frames[1]!, frameIndex: 1 });
  call.send(frames[2]!);
  call.emit('end');
  assert.equal(call.written.length, 2);
  assert.equal(call.errors.length, 1);
  assert.equal(call.errors[0]?.code, status.INVALID_ARGUMENT);
  assert.equal(call.errors[0]?.details, 'frames must come in time order: pts 0.1 after 0.2');
  assert.equal(call.ended, false);
});

test('a cancelled stream reports its counts and answers nothing more', () => {
  const call = new FakeCall();
  const ends: Array<[number, number]> = [];
  serveTrack(call, { logger: silentLogger(), onStreamEnd: (f, t) => ends.push([f, t]) }, silentLogger());
  const [first, second] = twoWalkers('job', 2);
  call.send(first!);
  call.cancelled = true;
  call.emit('cancelled');
  call.send(second!);
  assert.equal(call.written.length, 1);
  assert.deepEqual(ends, [[2, 0]]);
});
