"""PMR's public gRPC API from Python, on stubs generated from proto/ with grpcio-tools.

Creates a collection, indexes every photo of some persons into it, uploads a video, runs a video job that
recognises the collection's persons, follows it to the end and reads every page of its result. Prints a JSON
summary on stdout.

    python -m grpc_tools.protoc -I proto --python_out=STUBS --grpc_python_out=STUBS proto/pmr/v1/*.proto
    python e2e/clients/python/pmr_client.py --stubs STUBS --address 127.0.0.1:50050 \\
        --identities ../shared/data/identities --person barack_obama --person lin_manuel_miranda \\
        --video ../shared/data/videos/short_hamilton_clip.mp4
"""

import argparse
import json
import os
import sys
import uuid

CHUNK_BYTES = 256 * 1024  # UploadMedia takes chunks of at most 1 MiB
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stubs", required=True, help="folder of the generated pmr/v1/*_pb2*.py")
    parser.add_argument("--address", required=True, help="the orchestrator's host:port")
    parser.add_argument("--identities", required=True, help="a folder of <person>/<photo>")
    parser.add_argument("--person", action="append", required=True, help="a person to index (repeatable)")
    parser.add_argument("--video", required=True, help="the video to upload and analyse")
    parser.add_argument("--collection", default="python-client", help="the collection id to create")
    parser.add_argument("--page-size", type=int, default=2, help="tracks per GetJobResult page")
    return parser.parse_args()


def index_persons(collections, pb, args):
    """Index every photo of each person; returns (faces indexed, photos left out with their reasons)."""
    indexed, left_out = 0, []
    for person in args.person:
        folder = os.path.join(args.identities, person)
        for name in sorted(os.listdir(folder)):
            if not name.lower().endswith(IMAGE_SUFFIXES):
                continue
            with open(os.path.join(folder, name), "rb") as photo:
                response = collections.IndexFaces(
                    pb.collections.IndexFacesRequest(
                        collection_id=args.collection,
                        image=pb.images.ImageSource(data=photo.read()),
                        external_image_id=f"{person}/{name}",
                        person_id=person,
                    )
                )
            indexed += len(response.indexed_faces)
            if not response.indexed_faces:
                reasons = [pb.collections.UnindexedReason.Name(r) for u in response.unindexed_faces for r in u.reasons]
                left_out.append({"photo": f"{person}/{name}", "reasons": reasons})
    return indexed, left_out


def upload(orchestrator, pb, path):
    """Stream a file in with UploadMedia (file name and size in the first message) and return its ObjectRef."""
    size = os.path.getsize(path)

    def chunks():
        with open(path, "rb") as file:
            first = True
            while chunk := file.read(CHUNK_BYTES):
                if first:
                    yield pb.jobs.UploadMediaRequest(file_name=os.path.basename(path), size=size, chunk=chunk)
                    first = False
                else:
                    yield pb.jobs.UploadMediaRequest(chunk=chunk)

    return orchestrator.UploadMedia(chunks()).object


def main():
    args = parse_args()
    sys.path.insert(0, args.stubs)
    import grpc
    from pmr.v1 import collection_service_pb2, collection_service_pb2_grpc, image_pb2, job_pb2
    from pmr.v1 import orchestrator_service_pb2, orchestrator_service_pb2_grpc

    pb = argparse.Namespace(collections=collection_service_pb2, images=image_pb2, jobs=orchestrator_service_pb2)
    limit = 64 * 1024 * 1024  # results carry best shots; the orchestrator's default message limit
    channel = grpc.insecure_channel(
        args.address, options=[("grpc.max_receive_message_length", limit), ("grpc.max_send_message_length", limit)]
    )
    collections = collection_service_pb2_grpc.CollectionServiceStub(channel)
    orchestrator = orchestrator_service_pb2_grpc.OrchestratorServiceStub(channel)

    collections.CreateCollection(collection_service_pb2.CreateCollectionRequest(collection_id=args.collection))
    indexed, left_out = index_persons(collections, pb, args)
    collection = collections.DescribeCollection(
        collection_service_pb2.DescribeCollectionRequest(collection_id=args.collection)
    ).collection

    video = upload(orchestrator, pb, args.video)
    job = orchestrator.StartVideoJob(
        orchestrator_service_pb2.StartVideoJobRequest(
            client_token=str(uuid.uuid4()),
            video=job_pb2.VideoSource(upload=video),
            collection_id=args.collection,
        )
    ).job

    watched, finished = 0, 0
    for update in orchestrator.WatchJob(orchestrator_service_pb2.WatchJobRequest(job_id=job.id)):
        watched += 1
        finished += len(update.finished_tracks)
        job = update.job

    pages, token = [], ""
    while not pages or token:
        page = orchestrator.GetJobResult(
            orchestrator_service_pb2.GetJobResultRequest(job_id=job.id, page_size=args.page_size, page_token=token)
        )
        pages.append(page)
        token = page.next_page_token
    first = pages[0]  # persons, like the video summary, come with the first page
    tracks = [track for page in pages for track in page.tracks]

    print(
        json.dumps(
            {
                "collection": {"faces": collection.face_count, "persons": collection.person_count},
                "indexedFaces": indexed,
                "leftOut": left_out,
                "upload": {"size": video.size, "sha256": video.sha256},
                "job": {"id": job.id, "state": job_pb2.JobState.Name(job.state)},
                "watch": {"messages": watched, "finishedTracks": finished},
                "video": {"frames": first.video.frames, "complete": first.video.complete},
                "pages": len(pages),
                "tracks": [{"id": t.id, "label": t.label} for t in tracks],
                "persons": sorted(p.name for p in first.persons if p.HasField("name")),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
