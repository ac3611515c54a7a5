// The tracker service process. Settings come from the environment (see services/tracker/src/service/config.ts):
// PMR_GRPC_HOST/PORT, PMR_METRICS_HOST/PORT, PMR_LOG_LEVEL, PMR_MAX_MESSAGE_BYTES, PMR_SHUTDOWN_TIMEOUT_MS.
// Usage: node services/tracker/bin/tracker-service.ts
import { main } from '../src/service/main.ts';

await main();
