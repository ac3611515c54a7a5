// A one-line progress bar on stderr, drawn only when stderr is a terminal.
import type { Progress } from '@pmr/runtime';

/** What the bar shows; `tracks` is left out when unknown (a remote analysis does not report it). */
export type BarProgress = Omit<Progress, 'tracks'> & { readonly tracks?: number };

export function progressBar(stream: NodeJS.WriteStream, label: string): { update(p: BarProgress): void; done(): void } {
  if (!stream.isTTY) return { update() {}, done() {} };
  const started = performance.now();
  let lastDraw = 0;
  return {
    update(p) {
      const now = performance.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      const width = 30;
      const frac = p.totalFrames > 0 ? Math.min(1, p.sourceFrames / p.totalFrames) : 0;
      const filled = Math.round(frac * width);
      const secs = (now - started) / 1000;
      const fps = secs > 0 ? p.analysedFrames / secs : 0;
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      stream.write(
        `\r${label} ${bar} ${Math.round(frac * 100)}%  ${p.analysedFrames} frames  ${fps.toFixed(1)} fps${p.tracks === undefined ? '' : `  ${p.tracks} tracks`} `,
      );
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}
