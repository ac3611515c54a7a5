// Print probeVideo's answer and the default decode outcome for each file given (a quick look at real media).
// Usage: node services/decoder/bin/probe-all.ts <file>...
import { basename } from 'node:path';
import { decodeVideo } from '../src/decode.ts';

for (const path of process.argv.slice(2)) {
  try {
    const decoding = await decodeVideo(path);
    for await (const frame of decoding.frames) void frame;
    const { info } = decoding;
    const outcome = await decoding.outcome;
    console.log(
      `${basename(path)}\t${info.codec} ${info.width}x${info.height} rot ${info.rotation} ${info.fps.toFixed(3)} fps start ${info.startTime.toFixed(3)} s, ${info.frameCount}${info.frameCountExact ? '' : '~'} frames\t→ kept ${outcome.emittedFrames}/${outcome.sourceFrames}${outcome.complete ? '' : ` INCOMPLETE: ${outcome.error ?? outcome.stopped ?? ''}`}`,
    );
  } catch (err) {
    console.log(`${basename(path)}\tERROR ${err instanceof Error ? err.message : String(err)}`);
  }
}
