/**
 * Where a Chromium trace's time goes, per thread: each event's own time (its duration less its
 * children's) is put in a bucket — script (by file), style, layout, paint, HTML parsing, garbage
 * collection, waiting for the GPU process, other — by the nearest enclosing event that names
 * one. Used by bench/trace-load.js. Times in ms.
 */

/**
 * @typedef {{ name: string, ph: string, ts: number, dur?: number, pid: number, tid: number,
 *   args?: { name?: string, data?: { url?: string, functionName?: string }, fileName?: string } }}
 *   TraceEvent
 */

/** @type {Array<[RegExp, string]>} event names → bucket, first match wins */
const BUCKETS = [
  [
    /^(ImplementationBase::WaitForCmd|CommandBufferHelper::Finish|CommandBufferProxyImpl::WaitForGetOffset|GpuChannel::WaitForGetOffsetInRange|GLES2::ReadPixels)$/,
    'GPU wait (read-back)'
  ],
  [/^(MinorGC|MajorGC|V8\.GC|BlinkGC|ThreadState::|CppGC)/, 'garbage collection'],
  [/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)$/, 'style'],
  [/^(Layout|UpdateLayout)$/, 'layout'],
  [
    /^(Paint|PrePaint|Layerize|PaintImage|CompositeLayers|UpdateLayer|Commit|ProxyMain::BeginMainFrame::commit)$/,
    'paint/commit'
  ],
  [/^ParseHTML$/, 'HTML parsing'],
  [/^(v8\.compile|v8\.compileModule|V8\.CompileCode|v8\.parseOnBackground)$/, 'script compile'],
  [
    /^(EvaluateScript|v8\.evaluateModule|FunctionCall|v8\.callFunction|TimerFire|EventDispatch|FireAnimationFrame|RunMicrotasks|v8\.run|HandlePostMessage|XHRReadyStateChange)$/,
    'script'
  ],
  [/^(ResourceReceivedData|ResourceFinish|ResourceSendRequest|ResourceReceiveResponse)$/, 'loading']
];

/** @param {string} name */
const bucketOf = (name) => BUCKETS.find(([pattern]) => pattern.test(name))?.[1] ?? null;

/** @param {TraceEvent} event */
const urlOf = (event) => event.args?.data?.url || event.args?.fileName || '';

/**
 * @param {TraceEvent[]} events
 * @returns {Map<string, string>} "pid:tid" → thread name
 */
export function threadNames(events) {
  const names = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name')
      names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  }
  return names;
}

/**
 * Own time per bucket and per script file, on each thread with complete events.
 * @param {TraceEvent[]} events
 * @param {number} [from] trace time (µs) to count from
 * @param {number} [to] trace time (µs) to count until
 * @returns {Map<string, { thread: string, busyMs: number, buckets: Map<string, number>,
 *   scripts: Map<string, number>, others: Map<string, number> }>}
 */
export function timeByThread(events, from = -Infinity, to = Infinity) {
  const names = threadNames(events);
  /** @type {Map<string, TraceEvent[]>} */
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.ts < from || e.ts > to) continue;
    const key = `${e.pid}:${e.tid}`;
    (byThread.get(key) ?? byThread.set(key, []).get(key))?.push(e);
  }
  const result = new Map();
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    /** @type {Map<string, number>} */
    const buckets = new Map();
    /** @type {Map<string, number>} */
    const scripts = new Map();
    /** @type {Map<string, number>} own time of the events in no bucket, by name */
    const others = new Map();
    /** @type {{ event: TraceEvent, end: number, child: number, bucket: string | null, url: string }[]} */
    const stack = [];
    let busy = 0;
    const close = () => {
      const top = /** @type {(typeof stack)[number]} */ (stack.pop());
      const own = ((top.event.dur ?? 0) - top.child) / 1000;
      const bucket = top.bucket ?? 'other';
      buckets.set(bucket, (buckets.get(bucket) ?? 0) + own);
      if (bucket === 'other') others.set(top.event.name, (others.get(top.event.name) ?? 0) + own);
      if (bucket === 'script' || bucket === 'script compile') {
        scripts.set(top.url || '(unknown)', (scripts.get(top.url || '(unknown)') ?? 0) + own);
      }
      const parent = stack.at(-1);
      if (parent) parent.child += top.event.dur ?? 0;
      else busy += (top.event.dur ?? 0) / 1000;
    };
    for (const event of list) {
      while (stack.length && /** @type {any} */ (stack.at(-1)).end <= event.ts) close();
      const parent = stack.at(-1);
      const bucket = bucketOf(event.name) ?? parent?.bucket ?? null;
      // Script with no file named (an animation frame, a worker's message, microtasks) is
      // named by the outermost event that started it.
      const unnamed = bucket === 'script' || bucket === 'script compile' ? `(${event.name})` : '';
      stack.push({
        event,
        end: event.ts + (event.dur ?? 0),
        child: 0,
        bucket,
        url: urlOf(event) || parent?.url || unnamed
      });
    }
    while (stack.length) close();
    result.set(key, { thread: names.get(key) ?? key, busyMs: busy, buckets, scripts, others });
  }
  return result;
}
