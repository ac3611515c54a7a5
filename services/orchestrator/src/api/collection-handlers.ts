// pmr.v1.CollectionService over gRPC: collections, faces and persons in the CollectionStore, faces indexed on the stage
// services (Detect, Embed with augmentations, Analyze), and searches answered by the recognizers' in-memory indexes
// (CollectionSearch). Every change is announced (CollectionEvents) so that recognizers keep their copies current.
import { invalidArgument } from '@pmr/common';
import type { Logger } from '@pmr/common/logger';
import { messageCodec, type JetStreamBus } from '@pmr/common/messaging';
import { pipelineSubjects } from '@pmr/common/pipeline';
import type { CollectionEvent } from '@pmr/common/proto/generated/pmr/v1/CollectionEvent.ts';
import type { CollectionServiceHandlers } from '@pmr/common/proto/generated/pmr/v1/CollectionService.ts';
import type { IndexFacesRequest__Output } from '@pmr/common/proto/generated/pmr/v1/IndexFacesRequest.ts';
import type { IndexFacesResponse } from '@pmr/common/proto/generated/pmr/v1/IndexFacesResponse.ts';
import type { CollectionStore, NewFace } from '@pmr/collections';
import type { UploadSink } from '../job-runner.ts';
import { describeFaces, findFaces, type FaceStages } from '../images/image-faces.ts';
import { chooseAll, chooseSubject, faceTemplates } from '../images/index-faces.ts';
import { receiveImage } from '../images/received-image.ts';
import { answerer } from './answer.ts';
import { collectionToProto, faceToProto, personToProto, requireCollection } from './collection-proto.ts';
import { maxFacesOf } from './image-handlers.ts';
import { searchHandlers, type CollectionSearch } from './collection-search.ts';

/** Tells the recognizers what changed in a collection, once the store has it (pmr.v1.CollectionEvent). */
export interface CollectionEvents {
  publish(event: CollectionEvent): Promise<void>;
}

/** CollectionEvents on plain NATS (pmr.collections): every recognizer connected gets each one. */
export function collectionEvents(bus: Pick<JetStreamBus, 'broadcast'>): CollectionEvents {
  const codec = messageCodec('pmr.v1.CollectionEvent');
  return {
    publish(event) {
      bus.broadcast(pipelineSubjects.collections(), codec.encode(event));
      return Promise.resolve();
    },
  };
}

/** The event of a change that brought the collection to `version`. */
function changeEvent(collectionId: string, version: number, faceIds: readonly string[] = []): CollectionEvent {
  return { collectionId, version: String(version), faceIds: [...faceIds] };
}

export interface CollectionHandlerDeps {
  readonly store: CollectionStore;
  readonly stages: FaceStages & { describeModel(): Promise<{ readonly model: string; readonly dim: number }> };
  readonly uploads: UploadSink;
  readonly events: CollectionEvents;
  readonly search: CollectionSearch;
  readonly logger: Logger;
  /** The similarity a match needs when a call leaves its threshold unset (the video jobs' match threshold). */
  readonly matchThreshold: number;
}

async function indexFaces(
  deps: CollectionHandlerDeps,
  request: IndexFacesRequest__Output,
): Promise<IndexFacesResponse> {
  const { store, stages } = deps;
  const collection = await requireCollection(store, request.collectionId);
  const maxFaces = maxFacesOf(request.maxFaces);
  if (request.externalImageId.length > 255)
    throw invalidArgument(`external_image_id has ${request.externalImageId.length} characters; at most 255`);
  const received = await receiveImage(request.image, 'image', deps.uploads);
  const found = await findFaces(stages, received);
  const choice =
    request.personId === ''
      ? chooseAll(found, maxFaces, request.qualityFilter !== 'QUALITY_FILTER_NONE')
      : await chooseSubject(stages, received, found);
  const [described, { model, templates }] = await Promise.all([
    describeFaces(stages, [...choice.kept, ...choice.left.map((l) => l.found)]),
    faceTemplates(stages, choice.kept),
  ]);
  const faces: NewFace[] = choice.kept.map((f, i) => ({
    externalImageId: request.externalImageId,
    imageSha256: received.sha256,
    box: f.box,
    confidence: f.face.score,
    quality: f.face.quality,
    embedding: templates[i]![0]!,
    templates: templates[i]!,
  }));
  let indexed: Array<{ face: ReturnType<typeof faceToProto> }> = [];
  if (faces.length > 0) {
    const added = await store.addFaces(collection.id, {
      embeddingModel: model === '' ? collection.embeddingModel : model,
      faces,
      ...(request.personId !== '' && { personId: request.personId }),
    });
    await deps.events.publish(
      changeEvent(
        collection.id,
        added.version,
        added.faces.map((f) => f.faceId),
      ),
    );
    indexed = added.faces.map((f) => ({ face: faceToProto(f) }));
  }
  return {
    indexedFaces: indexed.map((x, i) => ({ face: x.face, detail: described[i]!.detail })),
    unindexedFaces: choice.left.map((l, i) => ({
      detail: described[choice.kept.length + i]!.detail,
      reasons: l.reasons,
    })),
    imageSize: received.size,
    embeddingModel: collection.embeddingModel,
  };
}

export function createCollectionHandlers(deps: CollectionHandlerDeps): CollectionServiceHandlers {
  const { store, events } = deps;
  const { answer } = answerer(deps.logger.child({ component: 'CollectionService' }));
  const faceIdsOf = (ids: readonly string[], max: number): readonly string[] => {
    if (ids.length === 0 || ids.length > max)
      throw invalidArgument(`face_ids: give 1 to ${max} face ids, got ${ids.length}`);
    return ids;
  };
  return {
    CreateCollection(call, callback) {
      answer('CreateCollection', callback, async () => {
        const { model, dim } = await deps.stages.describeModel();
        const created = await store.createCollection({
          id: call.request.collectionId,
          embeddingModel: model,
          embeddingDim: dim,
          tags: call.request.tags,
        });
        await events.publish(changeEvent(created.id, created.version));
        return { collection: collectionToProto(created) };
      });
    },
    DescribeCollection(call, callback) {
      answer('DescribeCollection', callback, async () => ({
        collection: collectionToProto(await requireCollection(store, call.request.collectionId)),
      }));
    },
    ListCollections(call, callback) {
      answer('ListCollections', callback, async () => {
        const page = await store.listCollections(call.request);
        return { collections: page.items.map(collectionToProto), nextPageToken: page.nextPageToken };
      });
    },
    DeleteCollection(call, callback) {
      answer('DeleteCollection', callback, async () => {
        const { collectionId } = call.request;
        await requireCollection(store, collectionId);
        const deletedFaces = await store.deleteCollection(collectionId);
        await events.publish({ collectionId, collectionDeleted: true });
        return { deletedFaces: String(deletedFaces) };
      });
    },
    IndexFaces(call, callback) {
      answer('IndexFaces', callback, () => indexFaces(deps, call.request));
    },
    ListFaces(call, callback) {
      answer('ListFaces', callback, async () => {
        const { collectionId, personId, pageSize, pageToken } = call.request;
        await requireCollection(store, collectionId);
        const page = await store.listFaces(collectionId, {
          pageSize,
          pageToken,
          ...(personId !== '' && { personId }),
        });
        return { faces: page.items.map(faceToProto), nextPageToken: page.nextPageToken };
      });
    },
    DeleteFaces(call, callback) {
      answer('DeleteFaces', callback, async () => {
        const { collectionId, faceIds } = call.request;
        await requireCollection(store, collectionId);
        const change = await store.deleteFaces(collectionId, faceIdsOf(faceIds, 1000));
        if (change.done.length > 0) await events.publish(changeEvent(collectionId, change.version, change.done));
        return { deletedFaceIds: [...change.done], unsuccessfulFaces: [...change.unsuccessful] };
      });
    },
    CreatePerson(call, callback) {
      answer('CreatePerson', callback, async () => {
        const { collectionId, personId } = call.request;
        await requireCollection(store, collectionId);
        const person = await store.createPerson(collectionId, personId);
        const { version } = await requireCollection(store, collectionId);
        await events.publish(changeEvent(collectionId, version));
        return { person: personToProto(person) };
      });
    },
    AssociateFaces(call, callback) {
      answer('AssociateFaces', callback, async () => {
        const { collectionId, personId, faceIds } = call.request;
        await requireCollection(store, collectionId);
        const change = await store.associateFaces(collectionId, personId, faceIdsOf(faceIds, 100));
        if (change.done.length > 0) await events.publish(changeEvent(collectionId, change.version, change.done));
        return { associatedFaceIds: [...change.done], unsuccessfulFaces: [...change.unsuccessful] };
      });
    },
    DisassociateFaces(call, callback) {
      answer('DisassociateFaces', callback, async () => {
        const { collectionId, personId, faceIds } = call.request;
        await requireCollection(store, collectionId);
        const change = await store.disassociateFaces(collectionId, personId, faceIdsOf(faceIds, 100));
        if (change.done.length > 0) await events.publish(changeEvent(collectionId, change.version, change.done));
        return { disassociatedFaceIds: [...change.done], unsuccessfulFaces: [...change.unsuccessful] };
      });
    },
    ListPersons(call, callback) {
      answer('ListPersons', callback, async () => {
        const { collectionId, pageSize, pageToken } = call.request;
        await requireCollection(store, collectionId);
        const page = await store.listPersons(collectionId, { pageSize, pageToken });
        return { persons: page.items.map(personToProto), nextPageToken: page.nextPageToken };
      });
    },
    DeletePerson(call, callback) {
      answer('DeletePerson', callback, async () => {
        const { collectionId, personId } = call.request;
        await requireCollection(store, collectionId);
        const { faces, version } = await store.deletePerson(collectionId, personId);
        await events.publish({ ...changeEvent(collectionId, version), deletedPersonId: personId });
        return { disassociatedFaces: faces };
      });
    },
    ...searchHandlers(deps, answer),
  };
}
