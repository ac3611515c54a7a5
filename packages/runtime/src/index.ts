// @pmr/runtime: the embedded runtime — every stage in one process, as `pmr analyze` and `pmr detect` run them:
// loading the models (engines), enrolling a gallery folder, analysing a video, annotating it, and detecting faces in
// a still image.
export * from './engines.ts';
export * from './gallery.ts';
export * from './analyse-track.ts';
export * from './analyse-video.ts';
export * from './annotate.ts';
export * from './annotation-svg.ts';
export * from './detect-image.ts';
