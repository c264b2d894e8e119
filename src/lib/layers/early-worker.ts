/**
 * MapLibre's worker, started while the page is still loading (issue #17).
 *
 * MapLibre makes its worker in `new Map`, once the page has hydrated; the worker's thread then
 * starts only when the main thread next yields, and fetches and compiles a 0.5 MB script before
 * it can take the style and the data the map has already sent it. On the desktop profile that
 * was ~190 ms between the WebGL context and the worker's first task, with the main thread busy
 * hydrating meanwhile. Started from the client hooks instead (the first of the app's modules to
 * run), the worker fetches and compiles its script while the page hydrates (the map's first tile
 * was then asked for ~100 ms sooner after its data: bench/FINDINGS.md, eighth round).
 *
 * MapLibre has no way to be given a worker, so the first `new Worker` it asks for with the same
 * script is answered with the one already running, and the page's `Worker` is put back as it
 * was; every other worker is made as usual. If no map asks for it (no WebGL, a page without a
 * map), the worker waits unused, as MapLibre's own `prewarm()` would leave it.
 */

/** What of the page the hand-off touches (tests give their own). */
export interface WorkerScope {
  Worker: typeof Worker;
  location: { href: string };
}

/**
 * Starts a module worker on `scriptUrl` now and hands it to the first `new Worker(scriptUrl,
 * { type: 'module' })` made afterwards, instead of starting a second.
 *
 * @param scriptUrl the worker's script, as MapLibre will be told it (`setWorkerUrl`); relative
 *   URLs are taken against the page's address
 * @returns whether a worker was started (false where the page has no Worker)
 * @example
 * import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
 * startWorkerEarly(workerUrl); // in hooks.client.ts, on a page with a map
 */
export function startWorkerEarly(
  scriptUrl: string,
  scope: WorkerScope = globalThis as unknown as WorkerScope
): boolean {
  const PageWorker = scope.Worker;
  if (typeof PageWorker !== 'function') return false;
  const script = new URL(scriptUrl, scope.location.href).href;
  let waiting: Worker | null = new PageWorker(script, { type: 'module' });

  function HandOffWorker(url: string | URL, options?: WorkerOptions): Worker {
    const asked = new URL(String(url), scope.location.href).href;
    if (waiting && asked === script && options?.type === 'module') {
      const started = waiting;
      waiting = null;
      scope.Worker = PageWorker;
      return started;
    }
    return new PageWorker(url, options);
  }
  // `new HandOffWorker(…)` returns the worker it gives; `instanceof Worker` still holds for both.
  HandOffWorker.prototype = PageWorker.prototype;
  scope.Worker = HandOffWorker as unknown as typeof Worker;
  return true;
}
