// How the orchestrator's handlers answer: a PmrError keeps its status and message (logged at debug as a rejection); a
// stage that refused or could not take a call passes its status on, with why; anything else is logged with its stack
// and answered INTERNAL, pointing at the log.
import { status, type sendUnaryData, type StatusObject } from '@grpc/grpc-js';
import { PmrError } from '@pmr/common';
import type { Logger } from '@pmr/common/logger';
import { capStatusMessage, toServiceError } from '@pmr/common/proto';
import { classifyFailure, StageCallError } from '../pipeline/failures.ts';

export interface Answerer {
  /** The status a failed call gets, logged. */
  readonly statusOf: (method: string, err: unknown) => Partial<StatusObject>;
  /** Run `work` and answer the unary call with its value or its failure's status. */
  readonly answer: <T>(method: string, callback: sendUnaryData<T>, work: () => Promise<T>) => void;
}

export function answerer(log: Logger): Answerer {
  const statusOf = (method: string, err: unknown): Partial<StatusObject> => {
    if (err instanceof StageCallError) {
      // A stage refused or could not take the call's image or chips: the caller gets the stage's status and why.
      const failure = classifyFailure(err);
      log.warn({ method, code: failure.code, reason: failure.message }, `${method}: a stage call failed`);
      return {
        code: (status as unknown as Record<string, number>)[failure.code] ?? status.INTERNAL,
        details: capStatusMessage(failure.message),
      };
    }
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
