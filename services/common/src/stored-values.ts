// Reading a stored record back (a SQLite row, a MongoDB document): each value's type is checked on the way, and one
// of the wrong type is the store's fault, INTERNAL, naming the record and the value.
import { PmrError } from './errors.ts';

export interface StoredValues {
  /** The error for a bad value named `name`. */
  readonly corrupt: (name: string) => PmrError;
  readonly text: (value: unknown, name: string) => string;
  readonly num: (value: unknown, name: string) => number;
}

/**
 * Readers for the values of one kind of record: `record` names it and `part` its values in messages, e.g.
 * `storedValues('job store row', 'column')` → `job store row has a bad "state" column`.
 */
export function storedValues(record: string, part: 'column' | 'field'): StoredValues {
  const corrupt = (name: string): PmrError => new PmrError('INTERNAL', `${record} has a bad "${name}" ${part}`);
  return {
    corrupt,
    text: (value, name) => {
      if (typeof value !== 'string') throw corrupt(name);
      return value;
    },
    num: (value, name) => {
      if (typeof value !== 'number') throw corrupt(name);
      return value;
    },
  };
}
