// The orchestrator service process. Settings come from the environment (see services/orchestrator/src/config.ts):
// NATS_URL, PMR_DETECTOR_ADDR, PMR_RECOGNIZER_ADDR, PMR_ATTRIBUTES_ADDR, PMR_STORE_PATH, PMR_GRPC_HOST/PORT,
// PMR_METRICS_HOST/PORT, …
// Usage: NATS_URL=nats://127.0.0.1:4222 PMR_DETECTOR_ADDR=127.0.0.1:50053 PMR_RECOGNIZER_ADDR=127.0.0.1:50054 \
//          PMR_ATTRIBUTES_ADDR=127.0.0.1:50055 node services/orchestrator/bin/orchestrator-service.ts
import { main } from '../src/main.ts';

await main();
