// Where the orchestrator's stores (jobs, face collections) live, as PMR_STORE_PATH and `pmr cluster --store` name it: a
// SQLite file path, ':memory:', or a MongoDB connection string. Pure: the CLI imports it without the stores or their
// drivers.

/** True for a MongoDB connection string (mongodb:// or mongodb+srv://), false for a SQLite path or ':memory:'. */
export function isMongoUrl(location: string): boolean {
  return /^mongodb(\+srv)?:\/\//i.test(location);
}

/** `location` fit for logs and messages: a connection string's user name and password replaced by `***`. */
export function redactStoreLocation(location: string): string {
  if (!isMongoUrl(location)) return location;
  return location.replace(/^(mongodb(?:\+srv)?:\/\/)[^@/?]*@/i, '$1***@');
}

/** The database a connection string names in its path (`mongodb://host/pmr?…`), or undefined when it names none. */
export function mongoDatabaseOf(url: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?#]*)/i.exec(url);
  const name = match?.[1] ?? '';
  return name === '' ? undefined : decodeURIComponent(name);
}
