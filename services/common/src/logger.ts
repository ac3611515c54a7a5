import { pino, type Logger } from 'pino';

export type { Logger };

/** One logger per process; components take child loggers. Logs go to stderr so stdout stays for results. */
export function createLogger(options: { name: string; level?: string }): Logger {
  return pino({ name: options.name, level: options.level ?? 'info' }, pino.destination(2));
}

/** A logger that drops everything, for library use and tests. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
