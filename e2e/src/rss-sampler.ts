// A process's resident memory (VmRSS from /proc/<pid>/status, Linux only) sampled on a timer, for tests that bound
// what a service costs while it does something large.
import { readFileSync } from 'node:fs';

/** VmRSS of `pid` in bytes; throws when the process is gone or /proc has no such field. */
export function residentBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (match === null) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

export interface RssSampler {
  /** The largest sample so far. */
  peak(): number;
  stop(): void;
}

/** Sample `pid`'s RSS every `everyMs` (default 20 ms) until stop(). */
export function sampleRss(pid: number, everyMs = 20): RssSampler {
  let peak = residentBytes(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, residentBytes(pid));
    } catch {
      clearInterval(timer); // the process exited; the test that owns it reports that
    }
  }, everyMs);
  return {
    peak: () => peak,
    stop: () => clearInterval(timer),
  };
}

/** The median of `count` samples taken `everyMs` apart: a process's resting level, not one sample's noise. */
export async function restingRss(pid: number, count = 10, everyMs = 100): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    samples.push(residentBytes(pid));
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}
