/**
 * The search box's link to the search worker (./client.ts): whether the index has loaded, and
 * the answer to the latest question. Answers arrive from the worker, perhaps out of order; only
 * the latest question's is kept.
 */
import type { SearchResults } from './query';
// Static, not imported on first focus: the client is a few hundred bytes, and a dynamic import's
// continuation queued behind the map's first frames on the main thread, starting the worker
// 0.3–0.6 s after the first keystroke (issue #17). The worker and the index still load on focus.
import { search } from './client';

export class SearchSession {
  status = $state<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  results = $state.raw<SearchResults | null>(null);
  #asked = 0;

  /** Starts the worker and, with an empty query, the index's loading; again after a failure. */
  ensureIndex(): void {
    if (this.status === 'loading' || this.status === 'ready') return;
    this.status = 'loading';
    search('')
      .then(() => {
        this.status = 'ready';
      })
      .catch((error: unknown) => this.#failed(error));
  }

  /** Asks for `query` (reactive: call it in an effect); nothing until the index is asked for. */
  ask(query: string): void {
    if (this.status === 'idle' || !query.trim() || this.status === 'failed') {
      this.results = null;
      return;
    }
    const ticket = ++this.#asked;
    search(query).then(
      (found) => {
        if (ticket === this.#asked) this.results = found;
      },
      (error: unknown) => {
        if (ticket === this.#asked) this.#failed(error);
      }
    );
  }

  #failed(error: unknown): void {
    this.status = 'failed';
    console.warn('search index:', error);
  }
}
