// Decode-only throughput of each clip given, with and without the default similar-frame skipping.
// Usage: node services/decoder/bin/decode-speed.ts <video>...
import { basename } from 'node:path';
import { measureDecodeFps } from '../src/measure.ts';

for (const path of process.argv.slice(2)) {
  const plain = await measureDecodeFps(path);
  const skipping = await measureDecodeFps(path, { skip: { method: 'histogram', threshold: 0.03 } });
  console.log(
    `${basename(path)}\tdecode ${plain.fps.toFixed(1)} fps (${plain.decodedFrames} frames)\twith histogram skip ${skipping.fps.toFixed(1)} fps, ${skipping.emittedFrames} emitted`,
  );
}
