// The chips of an Embed or Analyze request: 1 to MAX_CHIPS aligned 112x112 images (RGB24 or JPEG); image/image-messages.ts
// checks and decodes them (chipsFromProto).

/** Side of an aligned face chip (DetectedFace.chip), in pixels. */
export const CHIP_SIDE = 112;
/** Most chips one request may carry. */
export const MAX_CHIPS = 256;
