/**
 * The search box's link to the search worker (./client.ts): whether the index has loaded, and
 * the answer to the latest question. Answers arrive from the worker, perhaps out of order; only
 * the latest question's is kept.
 */
import type { SearchResults } from './query';

type Client = typeof import('./client');

export class SearchSession {
  status = $state<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  results = $state.raw<SearchResults | null>(null);
  #client = $state.raw<Client | null>(null);
  #asked = 0;

  /** Loads the worker's module and, with an empty query, the index; again after a failure. */
  ensureIndex(): void {
    if (this.status === 'loading' || this.status === 'ready') return;
    this.status = 'loading';
    import('./client')
      .then((client) => {
        this.#client = client;
        return client.search('');
      })
      .then(() => {
        this.status = 'ready';
      })
      .catch((error: unknown) => this.#failed(error));
  }

  /** Asks for `query` (reactive: call it in an effect); nothing until the index is asked for. */
  ask(query: string): void {
    const client = this.#client;
    if (!client || !query.trim() || this.status === 'failed') {
      this.results = null;
      return;
    }
    const ticket = ++this.#asked;
    client.search(query).then(
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
