// Calibration of the similar-frame thresholds: for each clip and threshold, how many frames are kept and whether
// every hard cut starts a new kept frame. Usage: node services/decoder/bin/calibrate-skip.ts <video>...
// Hard cuts of short_hamilton_clip.mp4 (found by eye on a contact sheet, and the three peaks of both distances):
// the first frames of the new shots are 20, 82 and 211.
import { basename } from 'node:path';
import { decodeVideo } from '../src/decode.ts';
import { FrameSkipper } from '../src/frame-skipper.ts';
import { frameSignature, signatureDistance, type FrameSignature, type SkipMethod } from '../src/frame-signature.ts';

const CUTS: Record<string, readonly number[]> = { 'short_hamilton_clip.mp4': [20, 82, 211] };
const THRESHOLDS: Record<Exclude<SkipMethod, 'none'>, readonly number[]> = {
  histogram: [0.02, 0.03, 0.05, 0.075, 0.1, 0.125, 0.15],
  ssim: [0.2, 0.3, 0.4, 0.5, 0.6],
};

for (const path of process.argv.slice(2)) {
  const decoding = await decodeVideo(path, { skip: { method: 'none', threshold: 0 } });
  const sigs: Record<'histogram' | 'ssim', FrameSignature[]> = { histogram: [], ssim: [] };
  for await (const frame of decoding.frames) {
    sigs.histogram.push(frameSignature('histogram', frame.image));
    sigs.ssim.push(frameSignature('ssim', frame.image));
  }
  const name = basename(path);
  const cuts = CUTS[name] ?? [];
  const maxGap = Math.round(decoding.info.fps);
  for (const method of ['histogram', 'ssim'] as const) {
    for (const threshold of THRESHOLDS[method]) {
      const skipper = new FrameSkipper<FrameSignature, number>({ threshold, maxGap, distance: signatureDistance });
      const kept: number[] = [];
      let lastKept = -1;
      const cutMargins: string[] = [];
      sigs[method].forEach((sig, i) => {
        if (cuts.includes(i) && lastKept >= 0)
          cutMargins.push(signatureDistance(sigs[method][lastKept]!, sig).toFixed(3));
        if (skipper.push(i, sig, i).kept) {
          kept.push(i);
          lastKept = i;
        }
      });
      const missed = cuts.filter((c) => !kept.includes(c));
      console.log(
        `${name}\t${method}\t${threshold}\tkept ${kept.length}/${sigs[method].length}\tcuts missed [${missed.join(',')}]\tcut distances [${cutMargins.join(',')}]`,
      );
    }
  }
}
