// RecognizerService over gRPC: Embed (chips → unit-length embeddings), SearchGallery (embeddings → best gallery
// persons), SearchCollection (embeddings → a collection's best faces or persons) and DescribeModel. Domain errors (PmrError) keep their status and message; anything else is logged and answered INTERNAL
// without details.
import type { sendUnaryData } from '@grpc/grpc-js';
import { PmrError } from '@pmr/common';
import type { Logger } from '@pmr/common/logger';
import { toServiceError } from '@pmr/common/proto';
import type { Embedder } from '../embedder.ts';
import { chipsFromProto } from '@pmr/common/image';
import type { EmbedRequest__Output, EmbedResponse, RecognizerServiceHandlers } from './common-bridge.ts';
import type { GalleryStore } from './gallery-store.ts';
import { searchGalleries } from './search-request.ts';
import type { CollectionCopies } from './collection-copies.ts';
import { searchCollection } from './collection-search.ts';

/** The embedding model a recognizer runs: its id (modelId of @pmr/models) and the length of its embeddings. */
export interface EmbeddingModel {
  readonly id: string;
  readonly dim: number;
}

export interface RecognizerHandlerOptions {
  readonly logger: Logger;
  readonly model: EmbeddingModel;
  /** The collections SearchCollection answers from; undefined when the recognizer has no store. */
  readonly collections?: CollectionCopies;
  /** Called with the number of chips of each answered Embed (metrics). */
  readonly onChips?: (count: number) => void;
  /** Called with the number of queries of each answered SearchGallery (metrics). */
  readonly onQueries?: (count: number) => void;
}

/** Validate an Embed request and embed its chips, in order. @throws PmrError */
export async function embedChips(
  embedder: Pick<Embedder, 'embed'>,
  request: EmbedRequest__Output,
  model: EmbeddingModel,
): Promise<EmbedResponse> {
  const chips = await chipsFromProto(request.chips);
  const embeddings: Array<{ values: number[] }> = [];
  for (const chip of chips) embeddings.push({ values: Array.from(await embedder.embed(chip)) });
  return { embeddings, model: model.id };
}

export function createRecognizerHandlers(
  embedder: Pick<Embedder, 'embed'>,
  galleries: GalleryStore,
  options: RecognizerHandlerOptions,
): RecognizerServiceHandlers {
  const log = options.logger.child({ component: 'RecognizerService' });
  const fail = (method: string, internalMessage: string) => (err: unknown) => {
    if (err instanceof PmrError) log.debug({ method, code: err.code, reason: err.message }, `${method} rejected`);
    else log.error({ err, method }, `${method} failed`);
    return toServiceError(err, internalMessage);
  };
  const answer = <T>(
    callback: sendUnaryData<T>,
    work: () => Promise<T>,
    method: string,
    internalMessage: string,
    onDone: (value: T) => void,
  ): void => {
    work().then(
      (value) => {
        onDone(value);
        callback(null, value);
      },
      (err: unknown) => callback(fail(method, internalMessage)(err)),
    );
  };
  return {
    Embed(call, callback) {
      answer(
        callback,
        () => embedChips(embedder, call.request, options.model),
        'Embed',
        'embedding failed; see the recognizer log',
        (r) => options.onChips?.(r.embeddings?.length ?? 0),
      );
    },
    SearchGallery(call, callback) {
      answer(
        callback,
        () => Promise.resolve().then(() => searchGalleries(galleries, call.request)),
        'SearchGallery',
        'search failed; see the recognizer log',
        (r) => options.onQueries?.(r.results?.length ?? 0),
      );
    },
    SearchCollection(call, callback) {
      answer(
        callback,
        () => searchCollection(options.collections, call.request, options.model.id),
        'SearchCollection',
        'search failed; see the recognizer log',
        (r) => options.onQueries?.(r.results?.length ?? 0),
      );
    },
    DescribeModel(_call, callback) {
      callback(null, { model: options.model.id, dim: options.model.dim });
    },
  };
}
