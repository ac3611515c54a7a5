// Which result parts each distributed job has, and the tracker's track count once it is in, so that a result does not
// make the runner read every part back: filled from the store the first time a job is seen (after a restart too),
// then kept up to date as parts are stored (the first write of a key wins, as in the store).
import type { JobStore, JsonValue } from '@pmr/store';
import { jobPartValue } from './job-parts.ts';

/** The part keys (prefixes) the stages' results are stored under. */
export const RESULT_PREFIXES: readonly string[] = ['decoded', 'tracked', 'track/', 'embeddings/', 'attributes/'];

interface Known {
  readonly keys: Set<string>;
  tracks: number | null;
}

export class ResultPartsIndex {
  readonly #store: JobStore;
  readonly #jobs = new Map<string, Known>();

  constructor(store: JobStore) {
    this.#store = store;
  }

  async #of(jobId: string): Promise<Known> {
    let known = this.#jobs.get(jobId);
    if (known === undefined) {
      known = { keys: new Set(), tracks: null };
      for (const prefix of RESULT_PREFIXES) {
        for (const p of await this.#store.getParts(jobId, prefix)) {
          known.keys.add(p.key);
          if (p.key === 'tracked') known.tracks = jobPartValue('tracked', p.value).tracks;
        }
      }
      this.#jobs.set(jobId, known);
    }
    return known;
  }

  /** A part was put; `stored`: it was the first write of its key (putPart's answer). */
  async added(jobId: string, key: string, value: JsonValue, stored: boolean): Promise<void> {
    const known = await this.#of(jobId);
    known.keys.add(key);
    if (stored && key === 'tracked') known.tracks = jobPartValue('tracked', value).tracks;
  }

  /** True when the decoder's summary, the tracker's count and every track's three parts are in. */
  async complete(jobId: string): Promise<boolean> {
    const { keys, tracks } = await this.#of(jobId);
    if (!keys.has('decoded') || tracks === null) return false;
    const ids = [...keys].filter((k) => k.startsWith('track/')).map((k) => k.slice('track/'.length));
    return ids.length >= tracks && ids.every((id) => keys.has(`embeddings/${id}`) && keys.has(`attributes/${id}`));
  }

  /** The job ended: nothing of it is kept. */
  forget(jobId: string): void {
    this.#jobs.delete(jobId);
  }
}
