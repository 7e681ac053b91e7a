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

export const FIELD_SPECS: readonly FieldSpec[] = [
  {
    field: 'certification', nameVi: 'Chứng thực', nameEn: 'Certification of copies, signatures and contracts',
    timeLimitDays: 0, minDirect: 7, minOnline: 4, minProcessing: 8, priority: 1,
    shareWard: 0.5, shareCommune: 0.38, preReformRatio: 0.8, onlineShareJuly2025: 0.05, trendPerYear: -0.04,
    seasonal: [1.15, 0.95, 1.0, 1.0, 0.95, 1.0, 1.05, 1.1, 1.1, 0.95, 0.9, 0.95],
  },
  {
    field: 'civil_status', nameVi: 'Hộ tịch', nameEn: 'Civil status',
    timeLimitDays: 3, minDirect: 15, minOnline: 8, minProcessing: 30, priority: 1.2,
    shareWard: 0.14, shareCommune: 0.16, preReformRatio: 0.9, onlineShareJuly2025: 0.55, trendPerYear: 0,
    seasonal: [1.15, 0.9, 1.0, 0.95, 0.9, 0.9, 0.9, 0.95, 1.0, 1.1, 1.15, 1.15],
  },
  {
    field: 'land', nameVi: 'Đất đai', nameEn: 'Land',
    timeLimitDays: 15, minDirect: 25, minOnline: 12, minProcessing: 240, priority: 1,
    shareWard: 0.07, shareCommune: 0.13, preReformRatio: 0.35, onlineShareJuly2025: 0.3, trendPerYear: 0.02,
    seasonal: [1.1, 0.85, 1.0, 1.0, 1.0, 0.95, 0.95, 0.95, 1.0, 1.0, 1.05, 1.15],
  },
  {
    field: 'social_protection', nameVi: 'Bảo trợ xã hội', nameEn: 'Social protection',
    timeLimitDays: 15, minDirect: 20, minOnline: 10, minProcessing: 75, priority: 1.5,
    shareWard: 0.07, shareCommune: 0.09, preReformRatio: 0.7, onlineShareJuly2025: 0.45, trendPerYear: 0.01,
    seasonal: [1.6, 0.8, 0.85, 0.85, 0.8, 0.8, 0.85, 0.95, 1.7, 0.9, 1.3, 0.9],
  },
  {
    field: 'meritorious_people', nameVi: 'Người có công', nameEn: 'Meritorious people',
    timeLimitDays: 15, minDirect: 20, minOnline: 10, minProcessing: 80, priority: 1.5,
    shareWard: 0.03, shareCommune: 0.04, preReformRatio: 0.6, onlineShareJuly2025: 0.45, trendPerYear: -0.02,
    seasonal: [1.5, 0.8, 0.85, 0.85, 0.85, 1.0, 2.0, 0.85, 0.85, 0.85, 0.85, 0.85],
  },
  {
    field: 'business_household', nameVi: 'Hộ kinh doanh', nameEn: 'Business household registration',
    timeLimitDays: 3, minDirect: 15, minOnline: 8, minProcessing: 45, priority: 1,
    shareWard: 0.05, shareCommune: 0.03, preReformRatio: 0.15, onlineShareJuly2025: 0.6, trendPerYear: 0.03,
    seasonal: [0.9, 1.3, 1.25, 1.05, 1.0, 0.95, 0.95, 0.95, 0.95, 0.95, 0.9, 0.85],
  },
  {
    field: 'construction', nameVi: 'Xây dựng', nameEn: 'House construction permits',
    timeLimitDays: 15, minDirect: 20, minOnline: 12, minProcessing: 180, priority: 1,
    shareWard: 0.03, shareCommune: 0.03, preReformRatio: 0.25, onlineShareJuly2025: 0.4, trendPerYear: 0.02,
    seasonal: [1.05, 1.0, 1.2, 1.2, 1.1, 0.95, 0.85, 0.8, 0.85, 1.0, 1.05, 1.0],
  },
  {
    field: 'education', nameVi: 'Giáo dục và đào tạo', nameEn: 'Education',
    timeLimitDays: 5, minDirect: 10, minOnline: 5, minProcessing: 25, priority: 1,
    shareWard: 0.03, shareCommune: 0.04, preReformRatio: 0.35, onlineShareJuly2025: 0.65, trendPerYear: 0,
    seasonal: [0.7, 0.7, 0.7, 0.8, 1.0, 1.6, 2.0, 1.8, 1.1, 0.6, 0.5, 0.5],
  },
  {
    field: 'health_insurance', nameVi: 'Bảo hiểm y tế', nameEn: 'Health insurance',
    timeLimitDays: 5, minDirect: 10, minOnline: 5, minProcessing: 20, priority: 1,
    shareWard: 0.04, shareCommune: 0.04, preReformRatio: 0.9, onlineShareJuly2025: 0.55, trendPerYear: 0,
    seasonal: [1.4, 0.8, 0.8, 0.9, 0.9, 0.9, 0.9, 1.0, 1.2, 0.9, 0.9, 1.3],
  },
  {
    field: 'labour', nameVi: 'Lao động, việc làm', nameEn: 'Labour and employment',
    timeLimitDays: 7, minDirect: 15, minOnline: 8, minProcessing: 45, priority: 1,
    shareWard: 0.02, shareCommune: 0.02, preReformRatio: 0.5, onlineShareJuly2025: 0.45, trendPerYear: 0,
    seasonal: [0.9, 1.3, 1.2, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.9, 0.9],
  },
  {
    field: 'culture_sports', nameVi: 'Văn hóa, thể thao và du lịch', nameEn: 'Culture, sports and tourism',
    timeLimitDays: 7, minDirect: 15, minOnline: 8, minProcessing: 50, priority: 0.8,
    shareWard: 0.01, shareCommune: 0.01, preReformRatio: 0.5, onlineShareJuly2025: 0.45, trendPerYear: 0,
    seasonal: [1.2, 1.3, 1.1, 1.0, 1.0, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, 0.9],
  },
  {
    field: 'agriculture_environment', nameVi: 'Nông nghiệp và môi trường', nameEn: 'Agriculture and environment',
    timeLimitDays: 10, minDirect: 15, minOnline: 8, minProcessing: 100, priority: 1,
    shareWard: 0.01, shareCommune: 0.03, preReformRatio: 0.5, onlineShareJuly2025: 0.35, trendPerYear: 0,
    seasonal: [0.9, 1.0, 1.1, 1.0, 1.2, 1.0, 0.9, 0.9, 1.0, 1.0, 1.0, 1.0],
  },
];
