// AttributesService over gRPC: validate the chips, analyse each (expression; age and gender when configured),
// answer in order. Domain errors (PmrError) keep their status and message; anything else is logged and answered
// INTERNAL without details.
import { PmrError } from '@pmr/common';
import type { Logger } from '@pmr/common/logger';
import { toServiceError } from '@pmr/common/proto';
import type { AttributeAnalyzer } from '../analyzer.ts';
import { attributesToMessage } from './attributes-message.ts';
import { chipsFromProto } from '@pmr/common/image';
import type {
  AnalyzeRequest__Output,
  AnalyzeResponse,
  AttributesServiceHandlers,
  FaceAttributesMessage,
} from './common-bridge.ts';

export interface AnalyzeHandlerOptions {
  readonly logger: Logger;
  /** Called with the number of chips of each answered request (metrics). */
  readonly onChips?: (count: number) => void;
}

/** Validate an Analyze request and analyse its chips, in order. @throws PmrError */
export async function analyzeChips(
  analyzer: Pick<AttributeAnalyzer, 'analyze'>,
  request: AnalyzeRequest__Output,
): Promise<AnalyzeResponse> {
  const chips = await chipsFromProto(request.chips);
  const attributes: FaceAttributesMessage[] = [];
  for (const chip of chips) attributes.push(attributesToMessage(await analyzer.analyze(chip)));
  return { attributes };
}

export function createAttributesHandlers(
  analyzer: Pick<AttributeAnalyzer, 'analyze'>,
  options: AnalyzeHandlerOptions,
): AttributesServiceHandlers {
  const log = options.logger.child({ component: 'AttributesService' });
  return {
    Analyze(call, callback) {
      analyzeChips(analyzer, call.request).then(
        (response) => {
          options.onChips?.(response.attributes?.length ?? 0);
          callback(null, response);
        },
        (err: unknown) => {
          if (err instanceof PmrError) log.debug({ code: err.code, reason: err.message }, 'Analyze rejected');
          else log.error({ err }, 'Analyze failed');
          callback(toServiceError(err, 'analysis failed; see the attributes log'));
        },
      );
    },
  };
}
