/** Runs one phase of a scan and records how long it took (in the snapshot's `phases`). */
export type Timed = <T>(phase: string, fn: () => Promise<T> | T) => Promise<T>;

/** No timing: for scans whose phases nobody records (the CLI). */
export const untimed: Timed = async (_phase, fn) => fn();

/** A timer whose `phases` holds each phase's duration in milliseconds, even of a phase that threw. */
export function phaseTimer(): { phases: Record<string, number>; timed: Timed } {
  const phases: Record<string, number> = {};
  const timed: Timed = async (phase, fn) => {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      phases[phase] = Math.round(performance.now() - started);
    }
  };
  return { phases, timed };
}
