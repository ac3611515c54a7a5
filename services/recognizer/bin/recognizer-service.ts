// The recognizer service process. Settings come from the environment (see services/recognizer/src/service/config.ts):
// PMR_MODELS_DIR, PMR_GALLERY_DIR (+ PMR_GALLERY_ID, PMR_DETECTOR for its enrolment), PMR_GRPC_HOST/PORT,
// PMR_METRICS_HOST/PORT, PMR_LOG_LEVEL, …
// Usage: PMR_MODELS_DIR=../shared/models PMR_GALLERY_DIR=../shared/data/identities node services/recognizer/bin/recognizer-service.ts
import { main } from '../src/service/main.ts';

await main();
