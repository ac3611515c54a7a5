// Image files and messages through sharp (libvips): reading and writing image files and buffers, and decoding the
// pmr.v1.Image messages (JPEG or RGB24) a handler receives. The pure pixel operations are in the core.
export * from './image-io.ts';
export * from './image-messages.ts';
