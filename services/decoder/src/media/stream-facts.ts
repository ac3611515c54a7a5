// Reading a video stream's facts out of FFmpeg's structures into plain numbers (video-info.ts makes sense of them),
// and the two settings every reader of a stream makes from them: its clock's shift, and the streams to skip.
import { avGetCodecName, type FormatContext, type Rational, type Stream } from 'node-av/lib';
import { AVDISCARD_ALL, AV_NOPTS_VALUE, AV_PKT_DATA_DISPLAYMATRIX, AV_TIME_BASE } from 'node-av/constants';
import { matrixRotationDegrees, type StreamFacts } from '../video-info.ts';

function rate(r: Rational): number {
  return r.den > 0 && r.num > 0 ? r.num / r.den : 0;
}

/** Seconds of a timestamp in `timeBase`; null for "no timestamp". */
function seconds(ts: bigint, timeBase: Rational): number | null {
  return ts === AV_NOPTS_VALUE || timeBase.den === 0 ? null : (Number(ts) * timeBase.num) / timeBase.den;
}

/** Seconds of a container-level time (AV_TIME_BASE units); null for none. */
function containerTime(t: bigint): number | null {
  return t === AV_NOPTS_VALUE ? null : Number(t) / Number(AV_TIME_BASE);
}

/** Seconds from 0 to the container's start, which a player's clock (and PMR's times) count from; 0 when it has none. */
function containerStart(format: FormatContext): number {
  return containerTime(format.startTime) ?? 0;
}

/**
 * The shift that puts a stream's timestamps on a player's clock: the container's start in whole ticks of the stream's
 * time base, rounded as the ffmpeg tool does (so times match it to the tick).
 */
export function startOffsetTicks(format: FormatContext, stream: Stream): bigint {
  const { num, den } = stream.timeBase;
  return BigInt(Math.round((containerStart(format) * den) / num));
}

/** Make the demuxer skip every stream but `kept` (it then reads none of their data). */
export function readOnly(format: FormatContext, kept: Stream): void {
  for (const stream of format.streams) if (stream.index !== kept.index) stream.discard = AVDISCARD_ALL;
}

function readDisplayMatrix(stream: Stream): Int32Array | null {
  const data = stream.codecpar.getCodedSideData(AV_PKT_DATA_DISPLAYMATRIX);
  if (data === null || data.length < 36) return null;
  return new Int32Array(Uint8Array.from(data.subarray(0, 36)).buffer);
}

export function streamFacts(format: FormatContext, stream: Stream, hasAudio: boolean): StreamFacts {
  const matrix = readDisplayMatrix(stream);
  return {
    container: format.iformat?.name ?? '',
    codec: avGetCodecName(stream.codecpar.codecId) ?? 'unknown',
    codedWidth: stream.codecpar.width,
    codedHeight: stream.codecpar.height,
    averageFrameRate: rate(stream.avgFrameRate),
    baseFrameRate: rate(stream.rFrameRate),
    matrixRotation: matrix === null ? null : matrixRotationDegrees(matrix),
    rotateTag: stream.metadata?.get('rotate') ?? null,
    streamStart: seconds(stream.startTime, stream.timeBase),
    containerStart: containerTime(format.startTime),
    streamDuration: seconds(stream.duration, stream.timeBase),
    containerDuration: containerTime(format.duration),
    frameCount: Number(stream.nbFrames),
    hasAudio,
  };
}
