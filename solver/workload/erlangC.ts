/**
 * Erlang C: the M/M/N queue (Poisson arrivals, exponential service times, N counters, one shared
 * queue, nobody leaves). Used for counter staffing at the peak hour of a service center.
 *
 * With offered traffic A = arrivals per hour x hours per service (Erlangs) and N > A counters:
 *   Erlang B by the recursion B(0) = 1, B(n) = A B(n-1) / (n + A B(n-1))  (no factorials, no
 *   overflow, every term in [0, 1], so it is stable for any N and A),
 *   P(wait > 0) = C = N B(N) / (N - A (1 - B(N))),
 *   mean wait = C x service time / (N - A),
 *   P(wait <= t) = 1 - C exp(-(N - A) t / service time).
 * With N <= A the queue grows without bound: C = 1, the mean wait is infinite, the service level 0.
 */

/** One queue: arrivals per hour and mean minutes of one service at the counter. */
export interface QueueLoad {
  readonly arrivalsPerHour: number;
  readonly minutesPerService: number;
}

const check = (caller: string, load: QueueLoad, agents?: number): void => {
  if (!Number.isFinite(load.arrivalsPerHour) || load.arrivalsPerHour < 0) {
    throw new Error(`${caller}: arrivalsPerHour must be a finite number >= 0, got ${load.arrivalsPerHour}`);
  }
  if (!Number.isFinite(load.minutesPerService) || load.minutesPerService <= 0) {
    throw new Error(`${caller}: minutesPerService must be a finite number > 0, got ${load.minutesPerService}`);
  }
  if (agents !== undefined && (!Number.isInteger(agents) || agents < 1)) {
    throw new Error(`${caller}: agents must be an integer >= 1, got ${agents}`);
  }
};

/** Offered traffic in Erlangs: arrivals per hour x hours per service. */
export const offeredTraffic = (load: QueueLoad): number => (load.arrivalsPerHour * load.minutesPerService) / 60;

/** Erlang B blocking probability for `agents` servers and `traffic` Erlangs, by the stable recursion. */
export const erlangB = (agents: number, traffic: number): number => {
  let b = 1;
  for (let n = 1; n <= agents; n += 1) b = (traffic * b) / (n + traffic * b);
  return b;
};

/** Probability that an arrival has to wait (Erlang C); 1 when the counters cannot keep up (N <= A). */
export const probabilityOfWaiting = (load: QueueLoad, agents: number): number => {
  check('probabilityOfWaiting', load, agents);
  const a = offeredTraffic(load);
  if (a === 0) return 0;
  if (agents <= a) return 1;
  const b = erlangB(agents, a);
  return (agents * b) / (agents - a * (1 - b));
};

/** Mean wait in seconds over all arrivals (average speed of answer); Infinity when N <= A. */
export const meanWaitSeconds = (load: QueueLoad, agents: number): number => {
  check('meanWaitSeconds', load, agents);
  const a = offeredTraffic(load);
  if (a === 0) return 0;
  if (agents <= a) return Number.POSITIVE_INFINITY;
  return (probabilityOfWaiting(load, agents) * load.minutesPerService * 60) / (agents - a);
};

/** Service level: probability that an arrival waits at most `waitSeconds`; 0 when N <= A. */
export const serviceLevel = (load: QueueLoad, agents: number, waitSeconds: number): number => {
  check('serviceLevel', load, agents);
  if (!(waitSeconds >= 0)) throw new Error(`serviceLevel: waitSeconds must be >= 0, got ${waitSeconds}`);
  const a = offeredTraffic(load);
  if (a === 0) return 1;
  if (agents <= a) return 0;
  const c = probabilityOfWaiting(load, agents);
  return 1 - c * Math.exp((-(agents - a) * waitSeconds) / (load.minutesPerService * 60));
};

/**
 * The target a number of counters must meet. Without `serviceLevel`: the mean wait is at most
 * `targetWaitSeconds`. With `serviceLevel` (in (0, 1)): at least that share of arrivals waits at
 * most `targetWaitSeconds` (e.g. 0.8 within 900 s = "80% wait 15 minutes or less").
 */
export interface StaffingTarget extends QueueLoad {
  readonly targetWaitSeconds: number;
  readonly serviceLevel?: number;
}

/**
 * Smallest number of counters meeting the target; 0 when nobody arrives. Starts at the least
 * stable count floor(A) + 1 and counts up: the mean wait falls and the service level rises with N.
 * Example: 100 arrivals/hour of 6 minutes (A = 10) with 80% within 20 s needs 14 counters.
 */
export const agentsForTarget = (target: StaffingTarget): number => {
  check('agentsForTarget', target);
  if (!(target.targetWaitSeconds >= 0) || !Number.isFinite(target.targetWaitSeconds)) {
    throw new Error(`agentsForTarget: targetWaitSeconds must be a finite number >= 0, got ${target.targetWaitSeconds}`);
  }
  const level = target.serviceLevel;
  if (level !== undefined && !(level > 0 && level < 1)) {
    throw new Error(`agentsForTarget: serviceLevel must be in (0, 1), got ${level}`);
  }
  if (level === undefined && target.targetWaitSeconds === 0) {
    throw new Error('agentsForTarget: a mean wait of 0 s needs infinitely many counters; give targetWaitSeconds > 0 or a serviceLevel');
  }
  const a = offeredTraffic(target);
  if (a === 0) return 0;
  const meets = (n: number): boolean =>
    level === undefined
      ? meanWaitSeconds(target, n) <= target.targetWaitSeconds
      : serviceLevel(target, n, target.targetWaitSeconds) >= level;
  // With N = A + 1 + ... the mean wait and 1 - service level shrink geometrically; the loop ends
  // within a few multiples of sqrt(A) above A for any sane target.
  let n = Math.floor(a) + 1;
  while (!meets(n)) n += 1;
  return n;
};
