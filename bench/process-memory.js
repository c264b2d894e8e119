/**
 * Peak memory of Chromium's processes (and this one) from Linux /proc: VmHWM is reset through
 * clear_refs before a measurement, so the peak is of that measurement alone. Used by
 * bench/import.js and bench/import-hostile.js.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Resident memory of a process from /proc (Linux): now and peak since the last reset, in bytes.
 * @param {number} pid
 * @returns {{ rss: number, peak: number } | null}
 */
export function processMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    /** @param {string} field */
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    const rss = kb('VmRSS') * 1024;
    const peak = kb('VmHWM') * 1024;
    return Number.isFinite(rss) && Number.isFinite(peak) ? { rss, peak } : null;
  } catch {
    return null;
  }
}

/**
 * Chromium's renderer processes and its browser process, and their memory. Which renderer is the
 * page's is decided afterwards: the one whose peak grew (other renderers are spares, idle).
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<Map<number, { type: string, rss: number, peak: number }>>}
 */
async function processMemories(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    const memory = new Map();
    for (const { type, id } of processInfo) {
      const usage = type === 'renderer' || type === 'browser' ? processMemory(id) : null;
      if (usage) memory.set(id, { type, ...usage });
    }
    return memory;
  } finally {
    await cdp.detach();
  }
}

/**
 * @typedef {{ renderer: number, browserProcess: number | null } | null} PeakRise
 * The largest rise of a renderer's peak resident set (the tab: the goal is about this one), and
 * the browser process's (where Chromium keeps Blob bytes and IndexedDB's work), in bytes.
 */

/**
 * Starts a peak-memory measurement over all renderers and the browser process; the returned
 * function gives each one's rise of peak resident set above its resident set at the start (or
 * null where /proc is unavailable).
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<() => Promise<PeakRise>>}
 */
export async function watchPeakMemory(browser) {
  const before = await processMemories(browser);
  let resettable = [...before.values()].some((p) => p.type === 'renderer');
  for (const pid of before.keys()) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current VmRSS
    } catch {
      resettable = false;
    }
  }
  return async () => {
    if (!resettable) return null;
    const after = await processMemories(browser);
    let renderer = 0;
    /** @type {number | null} */
    let browserProcess = null;
    for (const [pid, start] of before) {
      const end = after.get(pid);
      if (!end) continue;
      const rise = end.peak - start.rss;
      if (start.type === 'renderer') renderer = Math.max(renderer, rise);
      else browserProcess = rise;
    }
    return { renderer, browserProcess };
  };
}

/**
 * Starts a peak-memory measurement of this Node process; the returned function gives the rise
 * of its peak resident set above the resident set at the start, in bytes (null without /proc).
 * @returns {() => number | null}
 */
export function watchOwnPeakMemory() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    return () => null;
  }
  const start = processMemory(process.pid);
  return () => {
    const end = processMemory(process.pid);
    return start && end ? end.peak - start.rss : null;
  };
}
