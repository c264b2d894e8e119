import { describe, expect, it } from 'vitest';
import { startWorkerEarly, type WorkerScope } from '../../src/lib/layers/early-worker';

/** A page with a Worker that only notes what it was asked to start. */
function fakePage() {
  const started: { url: string; options?: WorkerOptions }[] = [];
  const instances: unknown[] = [];
  class FakeWorker {
    url: string;
    constructor(url: string | URL, options?: WorkerOptions) {
      this.url = String(url);
      started.push({ url: this.url, options });
      instances.push(this);
    }
  }
  const scope = {
    Worker: FakeWorker as unknown as typeof Worker,
    location: { href: 'https://example.org/linghe/' }
  } satisfies WorkerScope;
  return { scope, started, instances, PageWorker: scope.Worker };
}

describe('startWorkerEarly', () => {
  it('starts the worker at once, with the address taken against the page', () => {
    const { scope, started } = fakePage();
    expect(startWorkerEarly('_app/worker.mjs', scope)).toBe(true);
    expect(started).toEqual([
      { url: 'https://example.org/linghe/_app/worker.mjs', options: { type: 'module' } }
    ]);
  });

  it('hands that worker to the first asking for the same script, then steps aside', () => {
    const { scope, started, instances, PageWorker } = fakePage();
    startWorkerEarly('/linghe/_app/worker.mjs', scope);
    const early = new scope.Worker('https://example.org/linghe/_app/worker.mjs', {
      type: 'module'
    });
    expect(started).toHaveLength(1);
    expect(early).toBe(instances[0]);
    expect(early).toBeInstanceOf(PageWorker);
    expect(scope.Worker).toBe(PageWorker);
    // The next one asking for it gets a new worker, as MapLibre's second map would.
    new scope.Worker('/linghe/_app/worker.mjs', { type: 'module' });
    expect(started).toHaveLength(2);
  });

  it('starts other workers as usual, and keeps its own for the script it was given', () => {
    const { scope, started } = fakePage();
    startWorkerEarly('/linghe/_app/worker.mjs', scope);
    const glyphs = new scope.Worker('/linghe/_app/glyphs.js', { type: 'module' });
    const classic = new scope.Worker('/linghe/_app/worker.mjs');
    expect(started.map(({ url }) => url)).toEqual([
      'https://example.org/linghe/_app/worker.mjs',
      '/linghe/_app/glyphs.js',
      '/linghe/_app/worker.mjs'
    ]);
    expect(glyphs).not.toBe(classic);
    new scope.Worker('/linghe/_app/worker.mjs', { type: 'module' });
    expect(started).toHaveLength(3);
  });

  it('does nothing where the page has no Worker', () => {
    const scope = { location: { href: 'https://example.org/' } } as unknown as WorkerScope;
    expect(startWorkerEarly('/worker.mjs', scope)).toBe(false);
    expect(scope.Worker).toBeUndefined();
  });
});
