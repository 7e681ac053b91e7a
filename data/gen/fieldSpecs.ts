/**
 * The procedure fields of the embedded dataset: their published names, statutory limits and the
 * synthetic handling norms and volume profile the generator uses. [C]/[K] marks follow DOMAIN.md:
 * checked against an official text, or general knowledge. Everything not marked is synthetic.
 */

export interface FieldSpec {
  readonly field: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Statutory limit in working days of the field's common procedures (0 = same working day). */
  readonly timeLimitDays: number;
  /** Minutes of counter time per directly received dossier (synthetic norm). */
  readonly minDirect: number;
  /** Minutes to receive and check an online dossier (synthetic norm). */
  readonly minOnline: number;
  /** Minutes of processing per dossier, either channel (synthetic norm). */
  readonly minProcessing: number;
  /** Weight of an uncovered hour; social protection and meritorious people come first. */
  readonly priority: number;
  /** Share of a ward's post-reform dossiers in this field (shares of all fields add up to 1). */
  readonly shareWard: number;
  /** Share of a commune's (or special zone's) post-reform dossiers. */
  readonly shareCommune: number;
  /**
   * Pre-reform volume relative to post-reform, for the same population: work that was done at
   * district level before 1 July 2025 (first land certificates, house permits, business households,
   * lower secondary education, part of certification) came down to the communes.
   */
  readonly preReformRatio: number;
  /** Online share of this field's dossiers in July 2025 at an ordinary center. */
  readonly onlineShareJuly2025: number;
  /** Yearly volume trend besides population, e.g. -0.04 = 4% fewer each year. */
  readonly trendPerYear: number;
  /** Relative volume by calendar month, January first (mean about 1). */
  readonly seasonal: readonly number[];
}

/**
 * One field per row, columns in the order of FieldSpec: field, nameVi, nameEn, timeLimitDays,
 * minDirect, minOnline, minProcessing, priority, shareWard, shareCommune, preReformRatio,
 * onlineShareJuly2025, trendPerYear, seasonal (January first).
 */
type FieldRow = readonly [
  field: string, nameVi: string, nameEn: string,
  timeLimitDays: number, minDirect: number, minOnline: number, minProcessing: number, priority: number,
  shareWard: number, shareCommune: number, preReformRatio: number, onlineShareJuly2025: number, trendPerYear: number,
  seasonal: readonly number[],
];

const FIELD_ROWS: readonly FieldRow[] = [
  ['certification', 'Chứng thực', 'Certification of copies, signatures and contracts', 0, 7, 4, 8, 1, 0.5, 0.38, 0.8, 0.05, -0.04, [1.15, 0.95, 1.0, 1.0, 0.95, 1.0, 1.05, 1.1, 1.1, 0.95, 0.9, 0.95]],
  ['civil_status', 'Hộ tịch', 'Civil status', 3, 15, 8, 30, 1.2, 0.14, 0.16, 0.9, 0.55, 0, [1.15, 0.9, 1.0, 0.95, 0.9, 0.9, 0.9, 0.95, 1.0, 1.1, 1.15, 1.15]],
  ['land', 'Đất đai', 'Land', 15, 25, 12, 240, 1, 0.07, 0.13, 0.35, 0.3, 0.02, [1.1, 0.85, 1.0, 1.0, 1.0, 0.95, 0.95, 0.95, 1.0, 1.0, 1.05, 1.15]],
  ['social_protection', 'Bảo trợ xã hội', 'Social protection', 15, 20, 10, 75, 1.5, 0.07, 0.09, 0.7, 0.45, 0.01, [1.6, 0.8, 0.85, 0.85, 0.8, 0.8, 0.85, 0.95, 1.7, 0.9, 1.3, 0.9]],
  ['meritorious_people', 'Người có công', 'Meritorious people', 15, 20, 10, 80, 1.5, 0.03, 0.04, 0.6, 0.45, -0.02, [1.5, 0.8, 0.85, 0.85, 0.85, 1.0, 2.0, 0.85, 0.85, 0.85, 0.85, 0.85]],
  ['business_household', 'Hộ kinh doanh', 'Business household registration', 3, 15, 8, 45, 1, 0.05, 0.03, 0.15, 0.6, 0.03, [0.9, 1.3, 1.25, 1.05, 1.0, 0.95, 0.95, 0.95, 0.95, 0.95, 0.9, 0.85]],
  ['construction', 'Xây dựng', 'House construction permits', 15, 20, 12, 180, 1, 0.03, 0.03, 0.25, 0.4, 0.02, [1.05, 1.0, 1.2, 1.2, 1.1, 0.95, 0.85, 0.8, 0.85, 1.0, 1.05, 1.0]],
  ['education', 'Giáo dục và đào tạo', 'Education', 5, 10, 5, 25, 1, 0.03, 0.04, 0.35, 0.65, 0, [0.7, 0.7, 0.7, 0.8, 1.0, 1.6, 2.0, 1.8, 1.1, 0.6, 0.5, 0.5]],
  ['health_insurance', 'Bảo hiểm y tế', 'Health insurance', 5, 10, 5, 20, 1, 0.04, 0.04, 0.9, 0.55, 0, [1.4, 0.8, 0.8, 0.9, 0.9, 0.9, 0.9, 1.0, 1.2, 0.9, 0.9, 1.3]],
  ['labour', 'Lao động, việc làm', 'Labour and employment', 7, 15, 8, 45, 1, 0.02, 0.02, 0.5, 0.45, 0, [0.9, 1.3, 1.2, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.9, 0.9]],
  ['culture_sports', 'Văn hóa, thể thao và du lịch', 'Culture, sports and tourism', 7, 15, 8, 50, 0.8, 0.01, 0.01, 0.5, 0.45, 0, [1.2, 1.3, 1.1, 1.0, 1.0, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, 0.9]],
  ['agriculture_environment', 'Nông nghiệp và môi trường', 'Agriculture and environment', 10, 15, 8, 100, 1, 0.01, 0.03, 0.5, 0.35, 0, [0.9, 1.0, 1.1, 1.0, 1.2, 1.0, 0.9, 0.9, 1.0, 1.0, 1.0, 1.0]],
];

const specOf = ([field, nameVi, nameEn, timeLimitDays, minDirect, minOnline, minProcessing, priority, shareWard, shareCommune,
  preReformRatio, onlineShareJuly2025, trendPerYear, seasonal]: FieldRow): FieldSpec => ({
  field, nameVi, nameEn, timeLimitDays, minDirect, minOnline, minProcessing, priority,
  shareWard, shareCommune, preReformRatio, onlineShareJuly2025, trendPerYear, seasonal,
});

export const FIELD_SPECS: readonly FieldSpec[] = FIELD_ROWS.map(specOf);
