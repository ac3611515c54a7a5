// A tracker pipeline worker alone in a process, for tests that kill it: `node worker-process.ts NATS_URL OPTIONS_JSON`.
// It prints `ready` once consuming, then `tracked` for each faces message it tracks.
import { silentLogger } from '@pmr/common/logger';
import { connectJetStream } from '@pmr/common/messaging';
import { startTrackerWorker, type TrackerWorkerOptions } from '../src/service/pipeline-worker.ts';

const [url, json] = process.argv.slice(2);
if (url === undefined || json === undefined) throw new Error('usage: worker-process.ts NATS_URL OPTIONS_JSON');
const settings = JSON.parse(json) as Omit<TrackerWorkerOptions, 'bus' | 'logger'>;
const bus = await connectJetStream({ servers: url, name: 'tracker-worker-process' });
await startTrackerWorker({
  ...settings,
  bus,
  logger: silentLogger(),
  onFrame: () => process.stdout.write('tracked\n'),
});
process.stdout.write('ready\n');
