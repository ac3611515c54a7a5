// Frames on the pipeline: a pmr.v1.Frame carries its pixels inline when the message fits the broker's payload
// limit, and otherwise points at a serialized pmr.v1.Image in the object store. Both directions live here so the
// decoder and the detectors agree (the receiver decodes the Frame itself, once, and asks here for its pixels).
import { invalidArgument } from '../errors.ts';
import type { RgbImage } from '../types.ts';
import type { Frame, Frame__Output } from '../proto/generated/pmr/v1/Frame.ts';
import { imageFromProto } from '../image/image-messages.ts';
import { rgbImageToProto } from '../proto/image.ts';
import { messageCodec } from '../messaging/codec.ts';
import type { JetStreamBus } from '../messaging/jetstream.ts';
import { needsObjectStore } from '../messaging/large-objects.ts';
import { PIPELINE_BUCKETS } from './pipeline.ts';

const frameCodec = messageCodec('pmr.v1.Frame');
const imageCodec = messageCodec('pmr.v1.Image');

/** Bytes of a frame message: inline pixels, or a reference when they would not fit (the image is stored first). */
export async function encodePipelineFrame(
  bus: Pick<JetStreamBus, 'maxPayload' | 'putLarge'>,
  frame: Omit<Frame, 'image' | 'imageRef'>,
  image: RgbImage,
): Promise<Uint8Array> {
  const inline = frameCodec.encode({ ...frame, image: rgbImageToProto(image) });
  if (!needsObjectStore(inline.length, bus.maxPayload)) return inline;
  const name = `${String(frame.jobId)}/${String(frame.index)}`;
  const ref = await bus.putLarge(PIPELINE_BUCKETS.frames, name, imageCodec.encode(rgbImageToProto(image)));
  return frameCodec.encode({ ...frame, imageRef: ref });
}

export interface FramePixels {
  readonly image: RgbImage;
  /** Where the pixels were stored, to delete once the frame is done; null when they came inline. */
  readonly stored: { readonly bucket: string; readonly name: string } | null;
}

/** A received frame's pixels, inline or fetched from the object store. @throws PmrError INVALID_ARGUMENT when it has none. */
export async function framePixels(bus: Pick<JetStreamBus, 'getLarge'>, frame: Frame__Output): Promise<FramePixels> {
  if (frame.pixels === 'image') return { image: await imageFromProto(frame.image, 'frame.image'), stored: null };
  if (frame.pixels === 'imageRef' && frame.imageRef !== null && frame.imageRef !== undefined) {
    const { bucket, name } = frame.imageRef;
    const image = imageCodec.decode(await bus.getLarge({ bucket, name }));
    return { image: await imageFromProto(image, 'frame.image_ref'), stored: { bucket, name } };
  }
  throw invalidArgument('frame has no pixels (neither image nor image_ref)');
}
