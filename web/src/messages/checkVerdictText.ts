/**
 * A model check verdict (solver/workload/modelCheck.ts) in the planner's language, from its code
 * and params; English is the server's own sentence.
 */
import type { CalibrationWarning } from '../../../solver/workload/calibrationTypes.ts';
import type { ModelCheckRow } from '../../../solver/workload/modelCheck.ts';
import { formatInt, formatPercent } from '../format.ts';
import type { Lang } from '../i18n.ts';

const NOT_JUDGED_VI: Readonly<Record<string, string>> = {
  'check.not_judged.before_window': 'trước kỳ hiệu chỉnh: danh sách công chức hiện nay không mô tả các đơn vị trước sắp xếp',
  'check.not_judged.no_outcomes': 'không có số liệu kết quả giải quyết: không đánh giá được',
  'check.not_judged.no_staff': 'không có công chức trong danh sách: không đánh giá được mức tải',
  'check.not_judged.no_dossiers': 'không có hồ sơ',
};

export const checkVerdictText = (lang: Lang, row: Pick<ModelCheckRow, 'code' | 'params' | 'message' | 'signal'>): string => {
  if (lang === 'en') return row.message;
  const n = (key: string): number => Number(row.params[key] ?? 0);
  const load = formatPercent('vi', n('load'));
  const late = formatPercent('vi', n('lateShare'));
  const seen = row.signal === 'backlog' ? `tồn đọng ${formatPercent('vi', n('backlogShare'))} và ${late} trễ hạn` : `${late} trễ hạn`;
  switch (row.code) {
    case 'check.overloaded_unseen':
      return n('late') === 0
        ? `mô hình cho mức tải ${load} nhưng không hồ sơ nào trễ hạn: định mức hoặc số công chức có thể sai`
        : `mô hình cho mức tải ${load} nhưng trễ hạn không hơn thường lệ (${formatInt('vi', n('late'))} hồ sơ) và không tồn đọng: định mức hoặc số công chức có thể sai`;
    case 'check.late_unexplained':
      return `mô hình cho mức tải ${load} nhưng ${seen}: không do khối lượng công việc (nguyên nhân khác, hoặc ít người hơn danh sách)`;
    case 'check.overloaded':
      return `quá tải (${load}): ${seen}, đúng như mức tải cho thấy`;
    case 'check.overtime':
      return `bận (${load}): trong giới hạn làm thêm giờ, không trễ hạn hơn thường lệ`;
    case 'check.consistent':
      return `${load}: phù hợp với thực tế`;
    default:
      return NOT_JUDGED_VI[row.code] ?? row.message;
  }
};

/** A calibration warning (calibrateNorms.ts) in the planner's language. */
export const calibrationWarningText = (lang: Lang, w: CalibrationWarning): string => {
  if (lang === 'en') return w.message;
  if (w.code === 'calibration.no_staff') {
    return `trung tâm ${String(w.params['centerName'] ?? w.params['center'])} (${String(w.params['center'])}) không có công chức nào trong staff.csv: ${String(w.params['months'])} tháng của trung tâm không dùng để hiệu chỉnh và không đánh giá được`;
  }
  if (w.code === 'calibration.zero_norm') {
    const channel = w.params['channel'] === 'online' ? 'trực tuyến' : 'trực tiếp';
    return `fields.csv, lĩnh vực ${String(w.params['field'])}: định mức chính thức của hồ sơ ${channel} là 0 phút, nên định mức hiệu chỉnh cũng là 0 và ${formatInt('vi', Number(w.params['dossiers'] ?? 0))} hồ sơ ${channel} của kỳ hiệu chỉnh không được tính công: hãy nhập số phút cho lĩnh vực này`;
  }
  if (w.code === 'calibration.incomplete_outcomes') return `${String(w.params['months'])} tháng × trung tâm trong kỳ thiếu số liệu kết quả ở một số dòng: không dùng`;
  return w.message;
};
