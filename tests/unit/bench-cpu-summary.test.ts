/**
 * bench/cpu-summary.js: a trace's CPU time by process and thread, from a synthetic trace.
 */
import { describe, expect, it } from 'vitest';
import { cpuByThread } from '../../bench/cpu-summary.js';

const meta = (name: 'process_name' | 'thread_name', pid: number, tid: number, label: string) => ({
  name,
  ph: 'M',
  ts: 0,
  pid,
  tid,
  args: { name: label }
});
/** A complete event: `wallMs` long, `cpuMs` of it on the CPU. */
const span = (ts: number, wallMs: number, cpuMs: number, pid: number, tid: number) => ({
  name: 'RunTask',
  ph: 'X',
  ts,
  dur: wallMs * 1000,
  tdur: cpuMs * 1000,
  pid,
  tid
});

describe('cpuByThread', () => {
  it("counts each thread's outermost events once, by their CPU time, and sums a pool's threads", () => {
    const cpu = cpuByThread([
      meta('process_name', 1, 0, 'Renderer'),
      meta('thread_name', 1, 1, 'CrRendererMain'),
      meta('thread_name', 1, 2, 'ThreadPoolForegroundWorker'),
      meta('thread_name', 1, 3, 'ThreadPoolForegroundWorker'),
      meta('process_name', 2, 0, 'GPU Process'),
      meta('thread_name', 2, 1, 'CrGpuMain'),
      // A 100 ms task (40 ms of it on the CPU) with a nested event: counted once.
      span(0, 100, 40, 1, 1),
      span(10_000, 50, 30, 1, 1),
      span(200_000, 20, 20, 1, 1),
      span(0, 10, 8, 1, 2),
      span(0, 10, 7, 1, 3),
      span(0, 30, 12, 2, 1),
      // An instant event and one without thread time are not CPU time.
      { name: 'Mark', ph: 'I', ts: 5, pid: 1, tid: 1 },
      { name: 'RunTask', ph: 'X', ts: 300_000, dur: 5000, pid: 1, tid: 1 }
    ]);
    expect(Object.fromEntries(cpu)).toEqual({
      'Renderer / CrRendererMain': 60,
      'Renderer / ThreadPoolForegroundWorker': 15,
      'GPU Process / CrGpuMain': 12
    });
  });

  it('names a thread it has no metadata for by its ids', () => {
    const cpu = cpuByThread([span(0, 10, 5, 7, 9)]);
    expect(Object.fromEntries(cpu)).toEqual({ '? / 7:9': 5 });
  });
});
