// Service scaffolding every PMR service's composition root uses: config from the environment, the gRPC server
// with health and reflection, Prometheus metrics, and the ordered shutdown.
export * from './config.ts';
export * from './metrics.ts';
export * from './grpc-server.ts';
export * from './shutdown.ts';
export * from './probe-clients.ts';
export * from './stage-service.ts';
export * from './pipeline-service.ts';
