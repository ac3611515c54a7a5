// @pmr/orchestrator: the orchestrator service — the public gRPC API (OrchestratorService), and the job runner that
// publishes each job's work on the NATS pipeline, collects the stages' results into the job store and decides the
// result.
export { main, startOrchestratorService, type RunningOrchestratorService } from './main.ts';
export { orchestratorServiceConfig, type OrchestratorServiceConfig } from './config.ts';
export { createOrchestratorHandlers } from './api/handlers.ts';
export type { GalleryPhotoInput, JobRunner, JobSubmission, UploadSink } from './job-runner.ts';
