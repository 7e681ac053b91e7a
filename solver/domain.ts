/**
 * Domain types of the planner: the one source of types for solver/, api/ and web/.
 *
 * Words follow ../DESIGN: a *center* is the Public Administration Service Center of one commune-level
 * unit; a *field* (linh vuc) groups procedures; a *dossier* (ho so) arrives by a *channel*; a
 * *civil servant* (cong chuc) holds an *expertise* (the fields they may handle).
 * Every input is readonly: the core never mutates what it is given.
 */

/** Kind of commune-level unit since 1 July 2025. */
export type UnitType = 'ward' | 'commune' | 'special_zone';
export const UNIT_TYPES: readonly UnitType[] = ['ward', 'commune', 'special_zone'];

/** How a dossier reached the center: at the counter, or through the online public service portal. */
export type Channel = 'direct' | 'online';
export const CHANNELS: readonly Channel[] = ['direct', 'online'];

/** Calendar month as `YYYY-MM`. */
export type Month = string;

/** Identifier of a procedure field, e.g. `civil_status`, `land`. Lower snake case. */
export type FieldId = string;

/** Five-digit code of the statistics office for a commune-level unit, kept as text (e.g. `"11311"`). */
export type CenterCode = string;

/** One commune-level unit and its service center's facilities. A row of `centers.csv`. */
export interface Center {
  readonly code: CenterCode;
  readonly nameVi: string;
  readonly nameAscii: string;
  readonly type: UnitType;
  /** Main former district (before the 2025 merger), in Vietnamese. */
  readonly formerDistrict: string;
  readonly areaKm2: number;
  readonly population: number;
  /** Centroid of the unit's boundary, WGS84 degrees (not the center's street address). */
  readonly lat: number;
  readonly lon: number;
  /** Reception desks (counters) at the center. */
  readonly desks: number;
  /** Most civil servants the center can seat (desks and back office). */
  readonly maxStaff: number;
  /** Whether the floor area meets the standard (68 of 114 centers do not). */
  readonly areaAdequate: boolean;
  /** Online meeting rooms (the standard asks for 2). */
  readonly meetingRooms: number;
}

/** A procedure field with its handling norms. A row of `fields.csv`. */
export interface Field {
  readonly field: FieldId;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Statutory time limit in working days; 0 means the same working day. */
  readonly timeLimitDays: number;
  /** Minutes of counter time per dossier received directly. */
  readonly minDirect: number;
  /** Minutes to receive and check one dossier that arrived online. */
  readonly minOnline: number;
  /** Minutes of back-office processing per dossier, whatever the channel. */
  readonly minProcessing: number;
  /** Weight of one uncovered hour in this field (1 = ordinary; higher = more urgent). */
  readonly priority: number;
}

/**
 * Dossiers of one center, field and channel *received* in one month, and what became of them.
 * A row of `history.csv`: `resolvedOnTime + resolvedLate + pending = received`. The three outcome
 * counts are present together or absent together: absent when the city's table does not record
 * outcomes (its columns left out, or the row's three cells blank); then the workload can still be
 * computed, but the model check and calibration cannot (solver/workload/modelCheck.ts).
 */
export interface HistoryRow {
  readonly centerCode: CenterCode;
  readonly month: Month;
  readonly field: FieldId;
  readonly channel: Channel;
  readonly received: number;
  readonly resolvedOnTime?: number;
  readonly resolvedLate?: number;
  /** Received this month and not yet resolved when the month's figures were taken. */
  readonly pending?: number;
}

/** A civil servant who receives or processes dossiers. A row of `staff.csv`. */
export interface CivilServant {
  readonly staffId: string;
  readonly name: string;
  /** Center where they work today. */
  readonly centerCode: CenterCode;
  /** Unit where they live: commute distance is measured from its centroid. */
  readonly homeCode: CenterCode;
  /** Expertise: the fields they may handle. */
  readonly fields: readonly FieldId[];
  /** Civil-service grade, e.g. `chuyen_vien`. */
  readonly grade: string;
  /** Full-time equivalent, 0 < fte <= 1. */
  readonly fte: number;
  /** Locked people never move (center leaders, people on protected assignments). */
  readonly locked: boolean;
  /**
   * First month they no longer work (retirement, end of contract), `YYYY-MM`; absent when no
   * departure is known. From that month on they do no work and take no seat.
   */
  readonly leavesOn?: Month;
}

/** Whether `person` still works in `month` (has not left by then). */
export const worksIn = (person: Pick<CivilServant, 'leavesOn'>, month: Month): boolean =>
  person.leavesOn === undefined || month < person.leavesOn;

/** The four tables that make a dataset, validated and consistent with each other. */
export interface Dataset {
  readonly centers: readonly Center[];
  readonly fields: readonly Field[];
  readonly history: readonly HistoryRow[];
  readonly staff: readonly CivilServant[];
}

/** One problem found in user input: where it is and what is wrong, in words a planner can act on. */
export interface InputProblem {
  /** File name as the user gave it, e.g. `history.csv`. */
  readonly file: string;
  /** 1-based line in the file (the header is line 1); absent for whole-file problems. */
  readonly line?: number;
  /** Column name as in the header; absent for whole-row or whole-file problems. */
  readonly column?: string;
  /** The offending value as written. */
  readonly value?: string;
  readonly message: string;
}

/** Outcome of reading input: either everything, or nothing and every problem found. */
export type LoadResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly InputProblem[] }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };
