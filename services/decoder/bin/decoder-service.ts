// The decoder service process. Settings come from the environment (see services/decoder/src/service/config.ts):
// PMR_MEDIA_ROOTS (required), PMR_HWACCEL, PMR_GRPC_HOST/PORT, PMR_METRICS_HOST/PORT, PMR_LOG_LEVEL, …
// Usage: PMR_MEDIA_ROOTS=/srv/videos node services/decoder/bin/decoder-service.ts
import { main } from '../src/service/main.ts';

await main();
