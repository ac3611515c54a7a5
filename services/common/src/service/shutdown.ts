// Ordered, time-bounded shutdown of a service process:
//   health NOT_SERVING → stop consumers (drain) → gRPC tryShutdown, forced at the deadline → close other
//   listeners (metrics) → close stores → release inference sessions.
// The first three share one deadline. Stores and sessions are always closed, even after the deadline or a failed
// step, each bounded by what is left of the deadline but never less than graceMs: leaking a store connection or a
// session is worse than overrunning by a second.

/** The part of a grpc-js Server that shutdown uses. */
export interface ShutdownableServer {
  tryShutdown(callback: (error?: Error) => void): void;
  forceShutdown(): void;
}

export interface ShutdownSteps {
  /** Mark every served service NOT_SERVING, so probes and load balancers stop sending new calls. */
  readonly notServing: () => void;
  /** Stop taking messages and wait for the ones in progress (JetStream consumers drain). */
  readonly stopConsumers?: () => Promise<void>;
  /** The gRPC server: tryShutdown lets calls in progress finish; at the deadline it is forced. */
  readonly server?: ShutdownableServer;
  /** Other listeners, closed after the gRPC server (the metrics endpoint). */
  readonly closeListeners?: () => Promise<void>;
  readonly closeStores?: () => Promise<void>;
  readonly releaseSessions?: () => Promise<void>;
}

export type ShutdownStepName =
  'notServing' | 'stopConsumers' | 'server' | 'closeListeners' | 'closeStores' | 'releaseSessions';

export interface ShutdownStepOutcome {
  readonly step: ShutdownStepName;
  /** done; forced (the server did not finish its calls in time); timed out or failed (error says why). */
  readonly outcome: 'done' | 'forced' | 'timed out' | 'failed';
  readonly ms: number;
  readonly error?: string;
}

export interface ShutdownReport {
  readonly steps: readonly ShutdownStepOutcome[];
  /** True when the gRPC server had to be forced. */
  readonly forced: boolean;
  /** True when every step finished (forcing the server counts as finished). */
  readonly clean: boolean;
  readonly ms: number;
}

export interface ShutdownOptions {
  /** Least time given to closing stores and releasing sessions once the deadline has passed (default 1000 ms). */
  readonly graceMs?: number;
}

type Attempt =
  { readonly outcome: 'done' | 'forced' } | { readonly outcome: 'timed out' | 'failed'; readonly error: string };

async function bounded(work: () => Promise<void> | void, ms: number): Promise<Attempt> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Attempt>((resolve) => {
    timer = setTimeout(
      () => resolve({ outcome: 'timed out', error: `not finished after ${Math.round(ms)} ms` }),
      Math.max(0, ms),
    );
  });
  const run = (async (): Promise<Attempt> => {
    try {
      await work();
      return { outcome: 'done' };
    } catch (err) {
      return { outcome: 'failed', error: err instanceof Error ? err.message : String(err) };
    }
  })();
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** tryShutdown, and forceShutdown if it has not finished within `ms`. */
async function stopServer(server: ShutdownableServer, ms: number): Promise<Attempt> {
  const graceful = await bounded(
    () => new Promise<void>((resolve, reject) => server.tryShutdown((err) => (err ? reject(err) : resolve()))),
    ms,
  );
  if (graceful.outcome === 'done') return graceful;
  server.forceShutdown();
  return graceful.outcome === 'timed out' ? { outcome: 'forced' } : graceful;
}

/** Run the steps in order within `deadlineMs`; never throws, reports what each step did. */
export async function gracefulShutdown(
  steps: ShutdownSteps,
  deadlineMs: number,
  options: ShutdownOptions = {},
): Promise<ShutdownReport> {
  const graceMs = options.graceMs ?? 1000;
  const start = performance.now();
  const left = (): number => Math.max(0, deadlineMs - (performance.now() - start));
  const outcomes: ShutdownStepOutcome[] = [];
  const record = async (step: ShutdownStepName, attempt: () => Promise<Attempt>): Promise<void> => {
    const t0 = performance.now();
    const result = await attempt();
    outcomes.push({ step, ms: Math.round(performance.now() - t0), ...result });
  };

  await record('notServing', () => bounded(steps.notServing, left()));
  const { stopConsumers, server, closeListeners, closeStores, releaseSessions } = steps;
  if (stopConsumers) await record('stopConsumers', () => bounded(stopConsumers, left()));
  if (server) await record('server', () => stopServer(server, left()));
  if (closeListeners) await record('closeListeners', () => bounded(closeListeners, Math.max(left(), graceMs)));
  if (closeStores) await record('closeStores', () => bounded(closeStores, Math.max(left(), graceMs)));
  if (releaseSessions) await record('releaseSessions', () => bounded(releaseSessions, Math.max(left(), graceMs)));

  return {
    steps: outcomes,
    forced: outcomes.some((o) => o.outcome === 'forced'),
    clean: outcomes.every((o) => o.outcome === 'done' || o.outcome === 'forced'),
    ms: Math.round(performance.now() - start),
  };
}

/**
 * Call `onSignal` once on the first of `signals` (composition roots only). A second signal while it runs calls
 * `onRepeat` (e.g. exit at once). Returns a function that removes the handlers.
 */
export function onShutdownSignals(
  onSignal: (signal: NodeJS.Signals) => void,
  options: { readonly signals?: readonly NodeJS.Signals[]; readonly onRepeat?: (signal: NodeJS.Signals) => void } = {},
): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let received = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (received) {
      options.onRepeat?.(signal);
      return;
    }
    received = true;
    onSignal(signal);
  };
  for (const s of signals) process.on(s, handler);
  return () => {
    for (const s of signals) process.off(s, handler);
  };
}
