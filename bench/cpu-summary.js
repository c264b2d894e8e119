/**
 * CPU time by process and thread from a Chromium trace (bench/cpu-by-thread.js). Times in ms.
 */

/**
 * @typedef {{ name: string, ph: string, ts: number, dur?: number, tdur?: number, pid: number,
 *   tid: number, args?: { name?: string } }} TraceEvent
 */

/**
 * CPU time per thread, in ms: the thread durations of each thread's outermost complete events,
 * keyed `process / thread` (threads of one name in one process summed, e.g. a thread pool's).
 * @param {TraceEvent[]} events a trace's `traceEvents`
 * @returns {Map<string, number>}
 * @example cpuByThread(JSON.parse(trace).traceEvents).get('Renderer / CrRendererMain') // 249
 */
export function cpuByThread(events) {
  /** @type {Map<number, string>} */
  const processes = new Map();
  /** @type {Map<string, string>} */
  const threads = new Map();
  /** @type {Map<string, TraceEvent[]>} */
  const byThread = new Map();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'process_name')
      processes.set(event.pid, event.args?.name ?? '?');
    if (event.ph === 'M' && event.name === 'thread_name')
      threads.set(`${event.pid}:${event.tid}`, event.args?.name ?? '?');
    if (event.ph !== 'X' || event.tdur === undefined || event.dur === undefined) continue;
    const key = `${event.pid}:${event.tid}`;
    const list = byThread.get(key);
    if (list) list.push(event);
    else byThread.set(key, [event]);
  }
  /** @type {Map<string, number>} */
  const cpu = new Map();
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let end = -Infinity;
    let sum = 0;
    for (const event of list) {
      if (event.ts < end) continue; // inside the outermost event before it
      end = event.ts + (event.dur ?? 0);
      sum += event.tdur ?? 0;
    }
    const pid = Number(key.split(':')[0]);
    const label = `${processes.get(pid) ?? '?'} / ${threads.get(key) ?? key}`;
    cpu.set(label, (cpu.get(label) ?? 0) + sum / 1000);
  }
  return cpu;
}
