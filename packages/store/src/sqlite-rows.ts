// Reading SQLite rows back into store records, checking each column's type on the way.
import { storedValues } from '@pmr/common';
import type { JobError, JobOptions, JobProgress, JobRecord, JobSource, JobState } from './job-types.ts';
import { JOB_STATES } from './job-types.ts';

type Row = Record<string, unknown>;

const values = storedValues('job store row', 'column');
const { corrupt } = values;

export function text(row: Row, column: string): string {
  return values.text(row[column], column);
}

export function int(row: Row, column: string): number {
  return values.num(row[column], column);
}

function textOrNull(row: Row, column: string): string | null {
  const v = row[column];
  if (v === null) return null;
  if (typeof v !== 'string') throw corrupt(column);
  return v;
}

function state(row: Row): JobState {
  const v = text(row, 'state');
  const found = JOB_STATES.find((s) => s === v);
  if (found === undefined) throw corrupt('state');
  return found;
}

/** The columns of `SELECT * FROM jobs`, as a record. JSON columns were written by this store. */
export function jobFromRow(row: Row): JobRecord {
  const error = textOrNull(row, 'error');
  return {
    id: text(row, 'id'),
    state: state(row),
    version: int(row, 'version'),
    idempotencyToken: textOrNull(row, 'token'),
    source: JSON.parse(text(row, 'source')) as JobSource,
    options: JSON.parse(text(row, 'options')) as JobOptions,
    tags: JSON.parse(text(row, 'tags')) as Record<string, string>,
    galleryDigest: textOrNull(row, 'gallery_digest'),
    progress: JSON.parse(text(row, 'progress')) as JobProgress,
    error: error === null ? null : (JSON.parse(error) as JobError),
    warnings: JSON.parse(text(row, 'warnings')) as JobError[],
    createTime: int(row, 'create_time'),
    updateTime: int(row, 'update_time'),
  };
}
