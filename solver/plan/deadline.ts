/**
 * The time a solve may take, shared by its stages: each stage asks how much is `left` and stops with
 * its best so far when nothing is. With a clock (`now`, in ms, e.g. `performance.now`), time is the
 * clock's since the deadline was made: everything counts, JavaScript included. Without one (solver/
 * reads no clock itself), time is the sum of the seconds stages `charge`, i.e. HiGHS's own run times.
 *
 *   const d = deadline(10, () => performance.now());
 *   const mip = d.within(d.left() - 1); // a stage that leaves 1 s for the stages after it
 */
export interface Deadline {
  /** Seconds this deadline allows (one it was made `within` may end sooner). */
  readonly limitSeconds: number;
  /** Seconds used since it was made: by the clock, else the seconds charged. */
  readonly elapsed: () => number;
  /** Seconds left before this deadline and every one it was made within; never below 0. */
  readonly left: () => number;
  /** Whether no time is left. */
  readonly passed: () => boolean;
  /** Counts seconds a stage measured itself (HiGHS's run time); used only without a clock. */
  readonly charge: (seconds: number) => void;
  /** A deadline for one stage: `seconds` from now (at most what is left), charging this one too. */
  readonly within: (seconds: number) => Deadline;
  /** Whether a clock measures time (then the JavaScript stages count, and may stop early). */
  readonly clocked: boolean;
}

const make = (limitSeconds: number, now: (() => number) | undefined, parent: Deadline | null): Deadline => {
  if (!(limitSeconds >= 0)) throw new Error(`deadline: limitSeconds must be a number >= 0, got ${limitSeconds}`);
  const t0 = now?.() ?? 0;
  let charged = 0;
  const elapsed = (): number => (now ? (now() - t0) / 1000 : charged);
  const left = (): number => Math.max(0, Math.min(limitSeconds - elapsed(), parent?.left() ?? Infinity));
  const self: Deadline = {
    limitSeconds,
    elapsed,
    left,
    passed: () => left() <= 0,
    charge: (seconds) => {
      charged += seconds;
      parent?.charge(seconds);
    },
    within: (seconds) => make(Math.max(0, Math.min(seconds, left())), now, self),
    clocked: now !== undefined,
  };
  return self;
};

/** A deadline `limitSeconds` from now by the clock `now` (ms), or counted in charged seconds without one. */
export const deadline = (limitSeconds: number, now?: () => number): Deadline => make(limitSeconds, now, null);
