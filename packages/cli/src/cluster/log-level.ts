// Log levels in `pmr cluster`. The supervisor learns where a service listens from its `listening` line, logged at
// info, so services always log at info or more verbosely; pmr then shows only the lines at the level asked for.

const PINO_LEVELS: Readonly<Record<string, number>> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};
const INFO = 30;

/** The PMR_LOG_LEVEL a service gets when `requested` is what the user wants to see: never quieter than info. */
export function serviceLogLevel(requested: string): string {
  return (PINO_LEVELS[requested] ?? INFO) < INFO ? requested : 'info';
}

/** Whether pmr shows this service line at `requested`: pino lines by their level, any other line always. */
export function shownAt(line: string, requested: string): boolean {
  let level: unknown;
  try {
    level = (JSON.parse(line) as { level?: unknown }).level;
  } catch {
    return true;
  }
  return typeof level !== 'number' || level >= (PINO_LEVELS[requested] ?? INFO);
}
