/**
 * Counters a center must open at its busiest hour. Direct dossiers of the month spread over its
 * working days; `peakHourShare` of a day's arrivals come in the busiest hour (default 0.18: offices
 * open about 8 hours and mornings, especially the first two hours, carry most walk-ins, so the
 * busiest hour holds well above the 1/8 = 0.125 of a flat day). The peak hour is then an Erlang C
 * queue (see erlangC.ts) served at the fields' counter minutes, averaged by volume, against the
 * target "serviceLevel of citizens wait at most targetWaitMinutes" (default 80% within 15 min).
 */
import { agentsForTarget } from './erlangC.ts';

export const DEFAULT_PEAK_HOUR_SHARE = 0.18;
export const DEFAULT_TARGET_WAIT_MINUTES = 15;
export const DEFAULT_SERVICE_LEVEL = 0.8;

export interface CounterLoad {
  /** Direct dossiers of the month and the counter minutes they take together. */
  readonly directDossiers: number;
  readonly counterMinutes: number;
  readonly workingDays: number;
  readonly peakHourShare: number;
  readonly targetWaitMinutes: number;
  readonly serviceLevel: number;
}

export interface CounterStaffing {
  readonly directPerDay: number;
  readonly peakArrivalsPerHour: number;
  /** Mean counter minutes per direct dossier (0 when none). */
  readonly minutesPerService: number;
  readonly countersNeeded: number;
}

export const counterStaffing = (load: CounterLoad): CounterStaffing => {
  if (!(load.peakHourShare > 0 && load.peakHourShare <= 1)) {
    throw new Error(`counterStaffing: peakHourShare must be in (0, 1], got ${load.peakHourShare}`);
  }
  if (!(load.workingDays > 0)) throw new Error(`counterStaffing: workingDays must be > 0, got ${load.workingDays}`);
  const directPerDay = load.directDossiers / load.workingDays;
  const peakArrivalsPerHour = directPerDay * load.peakHourShare;
  const minutesPerService = load.directDossiers > 0 ? load.counterMinutes / load.directDossiers : 0;
  const countersNeeded = peakArrivalsPerHour > 0 && minutesPerService > 0
    ? agentsForTarget({
      arrivalsPerHour: peakArrivalsPerHour,
      minutesPerService,
      targetWaitSeconds: load.targetWaitMinutes * 60,
      serviceLevel: load.serviceLevel,
    })
    : 0;
  return { directPerDay, peakArrivalsPerHour, minutesPerService, countersNeeded };
};
