// Message size limits at the gRPC edge. Frames are the large messages: a 1920x1080 RGB24 frame is 6,220,800
// bytes and a 3840x2160 one 24,883,200, above grpc-js's default 4 MiB receive limit, so every server and client
// that carries frames or images opens with messageSizeOptions().
import type { ChannelOptions } from '@grpc/grpc-js';

/** grpc-js's default receive limit (the send side is unlimited by default). */
export const GRPC_DEFAULT_MAX_RECEIVE_BYTES = 4 * 1024 * 1024;

/**
 * PMR's default limit for one gRPC message in either direction: a 4K RGB24 frame fits (24.9 MB); an 8K one
 * (7680x4320x3 = 99.5 MB) does not and must travel as JPEG.
 */
export const PMR_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** Largest width or height an Image may declare, in pixels. */
export const PMR_MAX_IMAGE_SIDE = 8192;

/** Server or channel options that set both send and receive limits to `maxBytes`. */
export function messageSizeOptions(maxBytes: number = PMR_MAX_MESSAGE_BYTES): ChannelOptions {
  if (!(Number.isInteger(maxBytes) && maxBytes > 0))
    throw new RangeError(`maxBytes must be a positive integer, got ${maxBytes}`);
  return { 'grpc.max_receive_message_length': maxBytes, 'grpc.max_send_message_length': maxBytes };
}
