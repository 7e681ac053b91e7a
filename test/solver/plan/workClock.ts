/**
 * A clock for time-limit tests that holds on a loaded machine: milliseconds that advance, between
 * two readings, by the CPU time this process used or by the wall time, whichever is less. On busy
 * cores (the process waiting its turn) it advances with the work done; with background threads
 * busy (V8 compiling, collecting garbage) it advances no faster than the wall, so HiGHS, which
 * stops by its own wall clock, never overruns a limit measured by it. A stage that ignores the
 * deadline still does its work, so it still shows as an overrun.
 */
export const workClock = (): (() => number) => {
  const cpuMs = (): number => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  let lastCpu = cpuMs();
  let lastWall = performance.now();
  let ms = 0;
  return () => {
    const cpu = cpuMs();
    const wall = performance.now();
    ms += Math.min(cpu - lastCpu, wall - lastWall);
    lastCpu = cpu;
    lastWall = wall;
    return ms;
  };
};

/** Largest overrun a limit of `seconds` may show: 10% or 0.3 s, whichever is larger. */
export const limitTolerance = (seconds: number): number => Math.max(0.1 * seconds, 0.3);
