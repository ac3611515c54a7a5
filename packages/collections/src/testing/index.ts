// The contract every CollectionStore adapter passes: run it from an adapter's test file with that adapter's factory.
export * from './collection-store-contract.ts';
