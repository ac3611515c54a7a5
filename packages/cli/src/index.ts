// @pmr/cli: the `pmr` command (bin/pmr.ts) — argument parsing, the supervised `pmr analyze`/`pmr detect` on the
// embedded runtime, `pmr cluster` (a local nats-server and the six services under a supervisor) and the remote
// client that runs a job on an orchestrator (`--remote`).
export { main } from './main.ts';
export { parseCommand, USAGE, UsageError } from './args.ts';
export { analyseRemote } from './remote/analyse-remote.ts';
export { runCluster } from './cluster/run-cluster.ts';
