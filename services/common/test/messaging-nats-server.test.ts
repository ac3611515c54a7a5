// The test helper that runs a real nats-server: free port, generated config, stop/start on the same port and store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { findNatsServer, freePort, natsServerSkipReason, startNatsServer } from '../src/testing/nats-server.ts';
import { requireParts } from '../src/testing/require-parts.ts';

const skip = requireParts(natsServerSkipReason());

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

test('NATS_SERVER_BIN, when set, is the only binary tried: pointing nowhere, nats-server is missing and the reason says so', (t) => {
  const saved = process.env['NATS_SERVER_BIN'];
  t.after(() => {
    if (saved === undefined) delete process.env['NATS_SERVER_BIN'];
    else process.env['NATS_SERVER_BIN'] = saved;
  });
  process.env['NATS_SERVER_BIN'] = '/nonexistent/nats-server';
  assert.equal(findNatsServer(process.env), undefined);
  assert.equal(
    natsServerSkipReason(),
    'nats-server not found: NATS_SERVER_BIN=/nonexistent/nats-server is not an executable file',
  );
  assert.equal(
    findNatsServer(process.env, process.execPath),
    process.execPath,
    'an explicit binary argument comes first',
  );
});

test('freePort gives a usable TCP port', async () => {
  const port = await freePort();
  assert.ok(Number.isInteger(port) && port > 1024 && port < 65536, `port ${port}`);
});

test('start, stop keeping files, start again on the same port and store, stop removing files', { skip }, async () => {
  const server = await startNatsServer({ jetstream: true, maxPayload: 2 * 1024 * 1024 });
  const workDir = dirname(server.storeDir);
  try {
    assert.equal(server.url, `nats://127.0.0.1:${server.port}`);
    assert.equal(await accepts(server.port), true);
    const config = readFileSync(join(workDir, 'nats.conf'), 'utf8');
    assert.match(config, /max_payload: 2097152/);
    assert.match(config, /store_dir/);
    await server.stop({ keepFiles: true });
    assert.equal(await accepts(server.port), false);
    assert.equal(existsSync(server.storeDir), true);
    await server.start();
    assert.equal(await accepts(server.port), true);
  } finally {
    await server.stop();
  }
  assert.equal(existsSync(workDir), false);
});
