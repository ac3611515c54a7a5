// The detector service process. Settings come from the environment (see services/detector/src/service/config.ts):
// PMR_MODELS_DIR, PMR_DETECTOR (yunet|scrfd), PMR_GRPC_HOST/PORT, PMR_METRICS_HOST/PORT, PMR_LOG_LEVEL, …
// Usage: PMR_MODELS_DIR=../shared/models node services/detector/bin/detector-service.ts
import { main } from '../src/service/main.ts';

await main();
