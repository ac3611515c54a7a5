// The contract every JobStore adapter passes: run it from an adapter's test file with that adapter's factory.
export * from './job-store-contract.ts';
export * from './contract-fixtures.ts';
