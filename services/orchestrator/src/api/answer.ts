// How the orchestrator's handlers answer: a PmrError keeps its status and message (logged at debug as a rejection);
// anything else is logged with its stack and answered INTERNAL, pointing at the log.
import type { sendUnaryData, StatusObject } from '@grpc/grpc-js';
import { PmrError } from '@pmr/common';
import type { Logger } from '@pmr/common/logger';
import { toServiceError } from '@pmr/common/proto';

export interface Answerer {
  /** The status a failed call gets, logged. */
  readonly statusOf: (method: string, err: unknown) => Partial<StatusObject>;
  /** Run `work` and answer the unary call with its value or its failure's status. */
  readonly answer: <T>(method: string, callback: sendUnaryData<T>, work: () => Promise<T>) => void;
}

export function answerer(log: Logger): Answerer {
  const statusOf = (method: string, err: unknown): Partial<StatusObject> => {
    if (err instanceof PmrError && err.code !== 'INTERNAL')
      log.debug({ method, code: err.code, reason: err.message }, `${method} rejected`);
    else log.error({ err, method }, `${method} failed`);
    return toServiceError(err, `${method} failed; see the orchestrator log`);
  };
  return {
    statusOf,
    answer: (method, callback, work) => {
      work().then(
        (value) => callback(null, value),
        (err: unknown) => callback(statusOf(method, err)),
      );
    },
  };
}
