/**
 * bench/trace-tasks.js: long main-thread tasks split into waiting for the GPU process and the
 * page's own work, from a synthetic Chromium trace.
 */
import { describe, expect, it } from 'vitest';
import { longTasksFromTrace } from '../../bench/trace-tasks.js';

const thread = (pid: number, tid: number, name: string) => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid,
  tid,
  args: { name }
});
const span = (name: string, ts: number, durMs: number, pid = 1, tid = 1) => ({
  name,
  ph: 'X',
  ts,
  dur: durMs * 1000,
  pid,
  tid
});

describe('longTasksFromTrace', () => {
  it('subtracts the outermost GPU waits of a task from its duration', () => {
    const events = [
      thread(1, 1, 'CrRendererMain'),
      // 400 ms task: 300 ms waiting (nested wait events counted once), 100 ms own work.
      span('ThreadControllerImpl::RunTask', 0, 400),
      span('ImplementationBase::WaitForCmd', 50_000, 300),
      span('GpuChannel::WaitForGetOffsetInRange', 60_000, 280),
      // 80 ms task without waits: all own work.
      span('ThreadControllerImpl::RunTask', 1_000_000, 80),
      // Too short to be a long task.
      span('ThreadControllerImpl::RunTask', 2_000_000, 30)
    ];
    const tasks = longTasksFromTrace(events);
    expect(tasks).toHaveLength(2);
    expect(tasks[0].durationMs).toBe(400);
    expect(tasks[0].gpuWaitMs).toBe(300);
    expect(tasks[0].ownMs).toBe(100);
    expect(tasks[1]).toEqual({ durationMs: 80, gpuWaitMs: 0, ownMs: 80 });
  });

  it('counts nested tasks once and reads only the busiest renderer main thread', () => {
    const events = [
      thread(1, 1, 'CrRendererMain'),
      thread(2, 1, 'CrRendererMain'),
      thread(1, 2, 'Compositor'),
      span('ThreadControllerImpl::RunTask', 0, 120),
      span('ThreadControllerImpl::RunTask', 10_000, 60),
      span('ThreadControllerImpl::RunTask', 500_000, 10),
      // Another renderer with fewer tasks, and a non-main thread: both ignored.
      span('ThreadControllerImpl::RunTask', 0, 900, 2, 1),
      span('ThreadControllerImpl::RunTask', 0, 700, 1, 2)
    ];
    expect(longTasksFromTrace(events)).toEqual([{ durationMs: 120, gpuWaitMs: 0, ownMs: 120 }]);
  });

  it('gives the own work in CPU time where the trace has thread times', () => {
    const events = [
      thread(1, 1, 'CrRendererMain'),
      // 300 ms on the wall, 90 ms running (the rest preempted), of which 20 ms in a GPU wait.
      { ...span('ThreadControllerImpl::RunTask', 0, 300), tdur: 90_000 },
      { ...span('ImplementationBase::WaitForCmd', 10_000, 100), tdur: 20_000 }
    ];
    expect(longTasksFromTrace(events)).toEqual([
      { durationMs: 300, gpuWaitMs: 100, ownMs: 200, ownCpuMs: 70 }
    ]);
  });
});
