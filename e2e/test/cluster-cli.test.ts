// `pmr cluster` as a user runs it: a local nats-server and six service processes, every one listening on loopback
// only and at the addresses printed (read from the kernel, as `ss -ltnp` shows them), `pmr analyze --remote`
// against it, then SIGTERM stops everything it started and it exits 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { missingData, missingModels, repoRoot, video, dataDir } from '../src/paths.ts';
import { requireParts } from '@pmr/common/testing/require-parts';
import { listeningAddresses } from '../src/listeners.ts';
import { pmrBin, runCli } from '../src/run-cli.ts';
import { processAlive } from '@pmr/common/testing/service-process';
import { launchEnv, nodeArgs } from '@pmr/common';

const skipReason = requireParts(missingModels(), missingData(), natsServerSkipReason());

test(
  'pmr cluster: prints the six services and ready, each listening on loopback where printed, serves --remote, and SIGTERM stops them all (exit 0)',
  { skip: skipReason },
  async () => {
    const { NATS_URL: _ignored, ...env } = process.env;
    void _ignored;
    const cluster = spawn(process.execPath, nodeArgs(pmrBin(), ['cluster', '--port', '0', '--media-root', dataDir]), {
      cwd: repoRoot,
      env: launchEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => cluster.once('exit', (code) => resolve(code)));
    let stderr = '';
    cluster.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const lines: string[] = [];
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "ready" line in 120 s: ${lines.join('\n')}\n${stderr.slice(-2000)}`)),
        120_000,
      );
      void exited.then((code) => reject(new Error(`pmr cluster exited with ${code}: ${stderr.slice(-2000)}`)));
      createInterface({ input: cluster.stdout }).on('line', (line) => {
        lines.push(line);
        const ready = /^ready (\S+)$/.exec(line);
        if (ready !== null) {
          clearTimeout(timer);
          resolve(ready[1]!);
        }
      });
    });
    try {
      const names = lines.filter((l) => !l.startsWith('ready')).map((l) => l.split(/\s+/)[0]);
      assert.deepEqual(names.toSorted(), [
        'attributes',
        'decoder',
        'detector',
        'orchestrator',
        'recognizer',
        'tracker',
      ]);
      const pids = lines
        .map((l) => /pid (\d+)/.exec(l)?.[1])
        .filter((p) => p !== undefined)
        .map(Number);
      assert.equal(pids.length, 6);
      const services = lines.filter((l) => !l.startsWith('ready'));
      const listening = services.map(
        (l) => `${l.split(' ')[0]} ${listeningAddresses(Number(/pid (\d+)/.exec(l)![1])).join(' ')}`,
      );
      for (const l of listening)
        assert.match(
          l,
          /^\w+ 127\.0\.0\.1:\d+ 127\.0\.0\.1:\d+$/,
          `every listener on loopback: ${listening.join('; ')}`,
        );
      for (const line of services) {
        const [, pid, grpc, metrics] = /pid (\d+) +grpc (\S+) +metrics (\S+)$/.exec(line) ?? [];
        assert.deepEqual(listeningAddresses(Number(pid)), [grpc, metrics].sort(), `printed where it listens: ${line}`);
      }
      assert.ok(
        lines.some((l) => l.startsWith('orchestrator') && l.includes(`grpc ${address} `)),
        'ready names the orchestrator as bound',
      );
      const run = await runCli(['analyze', video('head-pose-face-detection-female-and-male.mp4'), '--remote', address]);
      assert.equal(run.code, 0, run.stderr);
      const result = JSON.parse(run.stdout) as { tracks: unknown[]; video: { complete: boolean } };
      assert.equal(result.video.complete, true);
      assert.ok(result.tracks.length >= 2, `${result.tracks.length} tracks`);
      cluster.kill('SIGTERM');
      assert.equal(await exited, 0, stderr.slice(-2000));
      for (const pid of pids) assert.equal(processAlive(pid), false, `service pid ${pid} still running`);
    } finally {
      if (cluster.exitCode === null) {
        cluster.kill('SIGTERM'); // it stops its services; SIGKILL would leave them running
        const timer = setTimeout(() => cluster.kill('SIGKILL'), 60_000);
        await exited;
        clearTimeout(timer);
      }
    }
  },
);
