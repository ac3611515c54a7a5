// Service configuration from the environment, read and validated once in a composition root. Every bad or
// missing variable is collected, then one ConfigError lists them all, so a deployment is fixed in one go.
// Secret values never appear in messages.

/** How one variable is parsed: a value, or a problem sentence (without the variable's name). */
type Parse<T> = (raw: string) => { readonly value: T } | { readonly problem: string };

/** One environment variable of a service's configuration. Build with str(), int(), port(), oneOf(), secret(). */
export interface ConfigVar<T> {
  /** The environment variable's name, e.g. `PMR_GRPC_PORT`. */
  readonly env: string;
  /** What the variable is for, shown next to a problem. */
  readonly description: string;
  /** Used when the variable is unset or empty; absent: the variable is required. */
  readonly fallback: { readonly value: T } | undefined;
  /** A secret: its value is never shown, and it has no default. */
  readonly secret: boolean;
  readonly parse: Parse<T>;
}

/** The typed configuration a spec of ConfigVars reads to. */
export type ConfigOf<S extends Readonly<Record<string, ConfigVar<unknown>>>> = {
  readonly [K in keyof S]: S[K] extends ConfigVar<infer T> ? T : never;
};

/** Thrown by readServiceConfig: `problems` holds one line per bad variable, and the message lists them all. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(
      `invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

interface VarOptions<T> {
  readonly description: string;
  readonly default?: T;
}

function fallbackOf<T>(options: VarOptions<T>): { readonly value: T } | undefined {
  return options.default === undefined ? undefined : { value: options.default };
}

/** A free-form string (a path, a host name, a URL). */
export function str(env: string, options: VarOptions<string>): ConfigVar<string> {
  return {
    env,
    description: options.description,
    fallback: fallbackOf(options),
    secret: false,
    parse: (raw) => ({ value: raw }),
  };
}

/** An integer in [min, max]. */
export function int(
  env: string,
  options: VarOptions<number> & { readonly min: number; readonly max: number },
): ConfigVar<number> {
  const { min, max } = options;
  return {
    env,
    description: options.description,
    fallback: fallbackOf(options),
    secret: false,
    parse: (raw) => {
      const value = Number(raw);
      if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
        return { problem: `must be an integer from ${min} to ${max}` };
      }
      return { value };
    },
  };
}

/** A TCP port, 0 (any free port) to 65535. */
export function port(env: string, options: VarOptions<number>): ConfigVar<number> {
  return int(env, { ...options, min: 0, max: 65535 });
}

/** One of a fixed set of words. */
export function oneOf<const V extends string>(env: string, values: readonly V[], options: VarOptions<V>): ConfigVar<V> {
  return {
    env,
    description: options.description,
    fallback: fallbackOf(options),
    secret: false,
    parse: (raw) =>
      (values as readonly string[]).includes(raw)
        ? { value: raw as V }
        : { problem: `must be one of ${values.join(', ')}` },
  };
}

/** A secret (API key, password): required, no default, never shown. */
export function secret(env: string, options: { readonly description: string }): ConfigVar<string> {
  return { env, description: options.description, fallback: undefined, secret: true, parse: (raw) => ({ value: raw }) };
}

/** The same variable, no longer required: unset or empty reads as undefined (a secret stays without a default). */
export function optional<T>(v: ConfigVar<T>): ConfigVar<T | undefined> {
  return { ...v, fallback: { value: undefined } };
}

/** pino's level names, for PMR_LOG_LEVEL. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Read `spec` from `env` (unset and empty variables take their default). Returns the typed configuration, or
 * throws one ConfigError listing every missing or malformed variable, each with what it must be and what it is for.
 */
export function readServiceConfig<S extends Readonly<Record<string, ConfigVar<unknown>>>>(
  env: Readonly<Record<string, string | undefined>>,
  spec: S,
): ConfigOf<S> {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(spec)) {
    const raw = env[v.env];
    if (raw === undefined || raw === '') {
      if (v.fallback === undefined)
        problems.push(
          `${v.env} is required (${v.description})${v.secret ? '; it is a secret and has no default' : ''}`,
        );
      else out[key] = v.fallback.value;
      continue;
    }
    const parsed = v.parse(raw);
    if ('problem' in parsed) {
      const shown = v.secret ? '' : `=${JSON.stringify(raw)}`;
      problems.push(`${v.env}${shown} ${parsed.problem} (${v.description})`);
    } else {
      out[key] = parsed.value;
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as ConfigOf<S>;
}
