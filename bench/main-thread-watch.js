/**
 * Watches a page's main thread until `stop()` is called: Long Tasks (≥ 50 ms, the browser's own
 * measure) and the longest gap between animation frames (what the user sees). Self-contained (no
 * imports, nothing from module scope), so the bench page imports it and bench/import.js hands its
 * source to a page it does not own (the app).
 *
 * @param {{ attribute: string, value: string, requires?: string }} [mark] when an element's
 *   `attribute` becomes `value` — while an element matching the CSS selector `requires` exists,
 *   if given — the long tasks so far are also reported apart (`longestTaskUntilMarkMs`)
 * @returns {{ ready: Promise<unknown>, stop: () => Promise<{ longestTaskMs: number,
 *   longestTaskUntilMarkMs: number, longTasks: number, blockedMs: number,
 *   longestFrameGapMs: number }> }}
 * @example const { ready, stop } = watchMainThread(); await ready; work(); console.log(await stop());
 */
export function watchMainThread(mark) {
  /** @type {number[]} */
  const tasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  let running = true;
  let lastFrame = performance.now();
  let longestGap = 0;
  /** @param {number} now */
  const frame = (now) => {
    longestGap = Math.max(longestGap, now - lastFrame);
    lastFrame = now;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  let tasksAtMark = -1;
  const marks = new MutationObserver((records) => {
    if (!mark) return;
    for (const record of records) {
      const target = /** @type {Element} */ (record.target);
      if (
        target.getAttribute(mark.attribute) === mark.value &&
        tasksAtMark < 0 &&
        (!mark.requires || document.querySelector(mark.requires))
      ) {
        for (const entry of observer.takeRecords()) tasks.push(entry.duration);
        tasksAtMark = tasks.length;
      }
    }
  });
  if (mark) {
    marks.observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: [mark.attribute]
    });
  }
  // The work must start in a task of its own: a task already running when the observer starts
  // (the one that called this) is never reported.
  const ready = new Promise((resolve) => setTimeout(resolve, 0));
  const stop = async () => {
    // Two more frames, so a task that just ended is reported and its gap is counted.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    running = false;
    for (const entry of observer.takeRecords()) tasks.push(entry.duration);
    observer.disconnect();
    marks.disconnect();
    const untilMark = tasks.slice(0, Math.max(0, tasksAtMark));
    return {
      longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
      longestTaskUntilMarkMs: untilMark.length ? Math.max(...untilMark) : 0,
      longTasks: tasks.length,
      blockedMs: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      longestFrameGapMs: longestGap
    };
  };
  return { ready, stop };
}
