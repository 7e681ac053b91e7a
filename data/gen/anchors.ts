/**
 * Published figures the dataset is pinned to (SEED-FACTS.md and DOMAIN.md, Hai Phong press reports of
 * August and November 2025). Where the press gave a rounded figure ("nearly 3,000") the value chosen
 * here is noted as a choice within that rounding.
 */

/** July 2025, the first month of the two-level government, at four centers. */
export interface MonthAnchor {
  readonly code: string;
  readonly name: string;
  /** Dossiers received in the month, both channels. */
  readonly received: number;
  /** Split by channel when published. */
  readonly direct?: number;
  readonly online?: number;
  /** Fields that received direct (counter) dossiers, when the report restricts them. */
  readonly directFields?: readonly string[];
  /** Fields that received online dossiers, when the report lists them. */
  readonly onlineFields?: readonly string[];
  /** Dossiers resolved (on time or late); the rest are pending. Unpublished: drawn from the model. */
  readonly resolved?: number;
  /** Share of the resolved that were on time, as published to 2 decimals of a percent. */
  readonly onTimeShare?: number;
}

export const ANCHOR_MONTH = '2025-07';

export const JULY_2025_ANCHORS: readonly MonthAnchor[] = [
  {
    code: '11443', name: 'Kiến An', received: 3511, direct: 2998, online: 513, resolved: 3340,
    directFields: ['certification'],
    onlineFields: ['meritorious_people', 'social_protection', 'education', 'business_household', 'civil_status', 'land', 'construction'],
  },
  // "nearly 3,000" received, "about 700" online, "about 2,300" direct, "about 2,600" results, no overdue:
  // 2,986 = 697 + 2,289 and 2,594 resolved are this dataset's choice within that rounding.
  { code: '11446', name: 'Phù Liễn', received: 2986, direct: 2289, online: 697, resolved: 2594, onTimeShare: 1 },
  { code: '11411', name: 'Đông Hải', received: 3334, onTimeShare: 0.9535 },
  { code: '11629', name: 'An Lão', received: 578, resolved: 470, onTimeShare: 1 },
];

/** Phu Lien's center had exactly 5 civil servants in July 2025 [C]. */
export const PHU_LIEN_CODE = '11446';
export const PHU_LIEN_STAFF = 5;

/** Cat Hai special zone, 1 July to 20 November 2025: 6,520 dossiers, over 98% online [C]. */
export const CAT_HAI = { code: '11914', dossiers: 6520, from: '2025-07', to: '2025-11', lastDay: 20, onlineShare: 0.985 } as const;
