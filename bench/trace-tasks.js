/**
 * Splits a page's long main-thread tasks, from a Chromium trace, into the time the main thread
 * spent waiting for the GPU process and everything else (script, style, layout, messages).
 *
 * Why: Chromium run with `--disable-gpu` (as the tests and benchmarks run it, drawing WebGL with
 * SwiftShader) composites in software, so every frame that shows a WebGL canvas reads its pixels
 * back on the main thread (BeginMainFrame → Commit → GLES2::ReadPixels) and waits there until the
 * GPU process has drawn the frame. Drawing 100 000 parcels in software makes that wait seconds
 * long; with a GPU compositor the canvas is handed over without a read-back and the main thread
 * does not wait. The Long Tasks API cannot tell the two apart; the trace can.
 *
 * Trace categories needed: `toplevel` (the tasks) and `gpu` (the waits).
 */

/** Trace event names of the main thread blocking on the GPU process, outermost first. */
export const GPU_WAIT_EVENTS = [
  'ImplementationBase::WaitForCmd',
  'CommandBufferHelper::Finish',
  'CommandBufferProxyImpl::WaitForGetOffset',
  'GpuChannel::WaitForGetOffsetInRange'
];

const TASK_EVENT = 'ThreadControllerImpl::RunTask';

/**
 * @typedef {{ name: string, ph: string, ts: number, dur?: number, tdur?: number, pid: number,
 *   tid: number, args?: { name?: string } }} TraceEvent
 */

/**
 * The long tasks (≥ `minimumMs`) of the busiest renderer main thread in a trace, each split into
 * GPU wait and the rest (`ownMs`), longest first. Times in ms. Where the trace has thread times
 * (`tdur`), `ownCpuMs` is the own work's CPU time: on a machine busy with other processes a
 * task's wall time also counts the time the thread was not running at all.
 *
 * @param {TraceEvent[]} events the trace's `traceEvents`
 * @param {number} [minimumMs] 50, the Long Tasks API's threshold
 * @returns {{ durationMs: number, gpuWaitMs: number, ownMs: number, ownCpuMs?: number }[]}
 * @example
 * const { traceEvents } = JSON.parse(String(await browser.stopTracing()));
 * Math.max(...longTasksFromTrace(traceEvents).map((t) => t.ownMs)); // longest own work
 */
export function longTasksFromTrace(events, minimumMs = 50) {
  /** @type {Set<string>} */
  const mainThreads = new Set();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain') {
      mainThreads.add(`${event.pid}:${event.tid}`);
    }
  }
  /** @type {Map<string, TraceEvent[]>} */
  const byThread = new Map();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || !mainThreads.has(thread)) continue;
    if (event.name !== TASK_EVENT && !GPU_WAIT_EVENTS.includes(event.name)) continue;
    const list = byThread.get(thread) ?? [];
    list.push(event);
    byThread.set(thread, list);
  }
  // The page's renderer is the busiest; others (spare renderers) hardly run.
  const busiest = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const tasks = busiest.filter((e) => e.name === TASK_EVENT).sort((a, b) => a.ts - b.ts);
  // The outermost wait events only, so nested ones are not counted twice.
  const waits = busiest
    .filter((e) => e.name !== TASK_EVENT)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  /** @type {TraceEvent[]} */
  const outerWaits = [];
  for (const wait of waits) {
    const last = outerWaits.at(-1);
    if (last && wait.ts + (wait.dur ?? 0) <= last.ts + (last.dur ?? 0)) continue;
    outerWaits.push(wait);
  }
  // Tasks nest (a task run inside another); only outermost tasks are reported.
  /** @type {TraceEvent[]} */
  const outerTasks = [];
  for (const task of tasks) {
    const last = outerTasks.at(-1);
    if (last && task.ts + (task.dur ?? 0) <= last.ts + (last.dur ?? 0)) continue;
    outerTasks.push(task);
  }
  const result = [];
  for (const task of outerTasks) {
    const durationMs = (task.dur ?? 0) / 1000;
    if (durationMs < minimumMs) continue;
    const end = task.ts + (task.dur ?? 0);
    let waitUs = 0;
    let waitCpuUs = 0;
    for (const wait of outerWaits) {
      if (wait.ts >= task.ts && wait.ts + (wait.dur ?? 0) <= end) {
        waitUs += wait.dur ?? 0;
        waitCpuUs += wait.tdur ?? 0;
      }
    }
    const gpuWaitMs = waitUs / 1000;
    const ownCpuMs = task.tdur === undefined ? undefined : (task.tdur - waitCpuUs) / 1000;
    result.push({ durationMs, gpuWaitMs, ownMs: durationMs - gpuWaitMs, ownCpuMs });
  }
  return result.sort((a, b) => b.durationMs - a.durationMs);
}
