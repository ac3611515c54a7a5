// Reading a video stream's facts out of FFmpeg's structures into plain numbers (video-info.ts makes sense of them).
import { avGetCodecName, type FormatContext, type Rational, type Stream } from 'node-av/lib';
import { AV_NOPTS_VALUE, AV_PKT_DATA_DISPLAYMATRIX, AV_TIME_BASE } from 'node-av/constants';
import { matrixRotationDegrees, type StreamFacts } from '../video-info.ts';

function rate(r: Rational): number {
  return r.den > 0 && r.num > 0 ? r.num / r.den : 0;
}

/** Seconds of a timestamp in `timeBase`; null for "no timestamp". */
export function seconds(ts: bigint, timeBase: Rational): number | null {
  return ts === AV_NOPTS_VALUE || timeBase.den === 0 ? null : (Number(ts) * timeBase.num) / timeBase.den;
}

function displayMatrix(stream: Stream): Int32Array | null {
  const data = stream.codecpar.getCodedSideData(AV_PKT_DATA_DISPLAYMATRIX);
  if (data === null || data.length < 36) return null;
  return new Int32Array(Uint8Array.from(data.subarray(0, 36)).buffer);
}

export function streamFacts(format: FormatContext, stream: Stream, hasAudio: boolean): StreamFacts {
  const matrix = displayMatrix(stream);
  const containerTime = (t: bigint): number | null => (t === AV_NOPTS_VALUE ? null : Number(t) / Number(AV_TIME_BASE));
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
