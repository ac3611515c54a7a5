// Print, for every frame of a video, its histogram and SSIM distances to the previous frame (calibration aid).
// Usage: node services/decoder/bin/frame-distances.ts <video>
import { decodeVideo } from '../src/decode.ts';
import { frameSignature, signatureDistance, type FrameSignature } from '../src/frame-signature.ts';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: frame-distances.ts <video>');
const decoding = await decodeVideo(path, { skip: { method: 'none', threshold: 0 } });
let prev: { h: FrameSignature; s: FrameSignature } | null = null;
for await (const frame of decoding.frames) {
  const cur = { h: frameSignature('histogram', frame.image), s: frameSignature('ssim', frame.image) };
  const h = prev === null ? 0 : signatureDistance(prev.h, cur.h);
  const s = prev === null ? 0 : signatureDistance(prev.s, cur.s);
  console.log(`${frame.sourceFirst}\t${h.toFixed(4)}\t${s.toFixed(4)}`);
  prev = cur;
}
console.error(JSON.stringify(await decoding.outcome));
