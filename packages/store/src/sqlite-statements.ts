// Every SQL statement of the SQLite job store, prepared once when the store opens.
import type { StatementSync } from 'node:sqlite';

export type Statements = Record<
  | 'jobById'
  | 'jobByToken'
  | 'insertJob'
  | 'updateState'
  | 'updateProgress'
  | 'updateWarnings'
  | 'listJobs'
  | 'resume'
  | 'putTrack'
  | 'listTracks'
  | 'putResult'
  | 'getResult'
  | 'putPart'
  | 'getParts'
  | 'putGallery'
  | 'putGalleryPhoto'
  | 'galleryIndex'
  | 'galleryPhoto'
  | 'deleteEnded'
  | 'deleteUnusedGalleries',
  StatementSync
>;

export const SQL: Readonly<Record<keyof Statements, string>> = {
  jobById: 'SELECT * FROM jobs WHERE id = $id',
  jobByToken: 'SELECT * FROM jobs WHERE token = $token',
  insertJob: `INSERT INTO jobs (id, state, version, token, fingerprint, source, options, tags, gallery_digest, progress,
                error, warnings, create_time, update_time)
              VALUES ($id, 'QUEUED', 1, $token, $fingerprint, $source, $options, $tags, $gallery, $progress, NULL, '[]',
                $now, $now)`,
  updateState: `UPDATE jobs SET state = $state, error = $error, version = version + 1, update_time = $now
                WHERE id = $id AND version = $version`,
  updateProgress: 'UPDATE jobs SET progress = $progress, version = version + 1, update_time = $now WHERE id = $id',
  updateWarnings: 'UPDATE jobs SET warnings = $warnings, version = version + 1, update_time = $now WHERE id = $id',
  listJobs: `SELECT * FROM jobs
             WHERE ($all = 1 OR state IN (SELECT value FROM json_each($states)))
               AND ($afterTime IS NULL OR create_time > $afterTime OR (create_time = $afterTime AND id > $afterId))
               AND NOT EXISTS (SELECT 1 FROM json_each($tags) want WHERE NOT EXISTS
                     (SELECT 1 FROM json_each(jobs.tags) have WHERE have.key = want.key AND have.value = want.value))
             ORDER BY create_time, id LIMIT $limit`,
  resume: "SELECT * FROM jobs WHERE state IN ('QUEUED', 'RUNNING') ORDER BY create_time, id",
  putTrack: `INSERT INTO tracks (job_id, track_id, track) VALUES ($job, $track, $json)
             ON CONFLICT (job_id, track_id) DO UPDATE SET track = excluded.track`,
  listTracks:
    'SELECT track_id, track FROM tracks WHERE job_id = $job AND track_id > $after ORDER BY track_id LIMIT $limit',
  putResult: `INSERT INTO results (job_id, result, update_time) VALUES ($job, $result, $now)
              ON CONFLICT (job_id) DO UPDATE SET result = excluded.result, update_time = excluded.update_time`,
  getResult: 'SELECT result FROM results WHERE job_id = $job',
  putPart:
    'INSERT INTO job_parts (job_id, key, value) VALUES ($job, $key, $value) ON CONFLICT (job_id, key) DO NOTHING',
  getParts: `SELECT key, value FROM job_parts WHERE job_id = $job AND substr(key, 1, length($prefix)) = $prefix ORDER BY key`,
  putGallery: 'INSERT INTO galleries (digest, create_time) VALUES ($digest, $now) ON CONFLICT (digest) DO NOTHING',
  putGalleryPhoto:
    'INSERT INTO gallery_photos (digest, idx, person, name, data) VALUES ($digest, $idx, $person, $name, $data)',
  galleryIndex: `SELECT g.digest, p.person, p.name FROM galleries g LEFT JOIN gallery_photos p ON p.digest = g.digest
                 WHERE g.digest = $digest ORDER BY p.idx`,
  galleryPhoto: 'SELECT data FROM gallery_photos WHERE digest = $digest AND idx = $idx',
  deleteEnded: "DELETE FROM jobs WHERE state IN ('SUCCEEDED', 'FAILED', 'CANCELLED') AND update_time < $before",
  deleteUnusedGalleries: `DELETE FROM galleries WHERE create_time < $before
                            AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.gallery_digest = galleries.digest)`,
};
