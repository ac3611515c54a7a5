// The `--hwaccel` choices, apart from the code that opens devices (so that parsing a command line loads no FFmpeg).

export const HWACCEL_CHOICES = ['auto', 'cuda', 'vaapi', 'none'] as const;
/** Where videos are decoded: `auto` uses a CUDA or VAAPI device when one opens, else software; `none` software. */
export type HwaccelChoice = (typeof HWACCEL_CHOICES)[number];

export function isHwaccelChoice(value: unknown): value is HwaccelChoice {
  return typeof value === 'string' && (HWACCEL_CHOICES as readonly string[]).includes(value);
}
