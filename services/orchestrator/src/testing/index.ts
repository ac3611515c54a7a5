// Test helpers for code that talks to the orchestrator's handlers.
export * from './memory-uploads.ts';
