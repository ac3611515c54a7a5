// Retention: ended jobs, with their parts, tracks, result and a gallery no other job uses, are deleted once they are
// older than the retention (PMR_JOB_RETENTION_HOURS), at start and every hour, so the job store does not grow for ever.
import type { Logger } from '@pmr/common/logger';
import type { JobStore } from '@pmr/store';

/** How often ended jobs past their retention are looked for. */
export const EXPIRY_INTERVAL_MS = 3600_000;

export interface JobExpiryOptions {
  readonly store: Pick<JobStore, 'deleteEndedBefore'>;
  /** Hours an ended job is kept; 0 keeps jobs for ever. */
  readonly hours: number;
  readonly logger: Logger;
  /** Epoch milliseconds now (default Date.now). */
  readonly now?: () => number;
  /** Called after each pass with the number of jobs deleted (tests). */
  readonly onSwept?: (deleted: number) => void;
}

/** Deletes the expired jobs now and every EXPIRY_INTERVAL_MS; returns the timer (undefined when keeping for ever). */
export function expireEndedJobs(options: JobExpiryOptions): NodeJS.Timeout | undefined {
  const { store, hours, logger } = options;
  if (hours === 0) return undefined;
  const now = options.now ?? Date.now;
  const sweep = (): void => {
    store.deleteEndedBefore(now() - hours * 3600_000).then(
      (deleted) => {
        if (deleted > 0) logger.info({ deleted, retentionHours: hours }, 'expired jobs deleted');
        options.onSwept?.(deleted);
      },
      (err: unknown) => logger.warn({ err }, 'expired jobs not deleted; trying again at the next pass'),
    );
  };
  sweep();
  const timer = setInterval(sweep, EXPIRY_INTERVAL_MS);
  timer.unref();
  return timer;
}
