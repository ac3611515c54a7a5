// @pmr/results: a video's result — its JSON form, how tracks are decided (identity, attributes) and grouped into
// persons, its pmr.v1 form, the stage clock and the default decision settings. Shared by the embedded runtime, the
// orchestrator service, the job store and the CLI's remote client.
export * from './result.ts';
export * from './assemble.ts';
export * from './intervals.ts';
export * from './decide-track.ts';
export * from './group-tracks.ts';
export * from './result-proto.ts';
export * from './stage-clock.ts';
export * from './defaults.ts';
