// The attributes service process. Settings come from the environment (see services/attributes/src/service/config.ts):
// PMR_MODELS_DIR, PMR_AGE_GENDER (faceres|none), PMR_GRPC_HOST/PORT, PMR_METRICS_HOST/PORT, PMR_LOG_LEVEL, …
// Usage: PMR_MODELS_DIR=../shared/models node services/attributes/bin/attributes-service.ts
import { main } from '../src/service/main.ts';

await main();
