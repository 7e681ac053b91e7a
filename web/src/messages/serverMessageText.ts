/**
 * The server's free-text error messages (those without a code: HTTP errors, job failures) in the
 * planner's language. English is the server's own text; Vietnamese comes from the sentences known
 * here, and anything else stays in the server's English (never nothing).
 */
import type { Lang } from '../i18n.ts';
import { leverLabel, readValidationMessage, validationSentence } from './scenarioProblemText.ts';

const WHAT_VI: Readonly<Record<string, string>> = {
  scenario: 'phương án',
  plan: 'kết quả giải',
  'dataset version': 'phiên bản dữ liệu',
  center: 'trung tâm',
  user: 'người dùng',
};
const STATUS_VI: Readonly<Record<string, string>> = {
  queued: 'đang chờ',
  running: 'đang tính',
  failed: 'bị lỗi',
  cancelled: 'đã hủy',
  done: 'đã xong',
};

/** Sentences known in Vietnamese; each gets the match and returns the words. */
const KNOWN_VI: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^no route (\S+) (\S+)$/, (m) => `máy chủ không có đường dẫn ${m[1]} ${m[2]}`],
  [/^no (scenario|plan|dataset version|center|user) with id (\S+)$/, (m) => `không có ${WHAT_VI[m[1] ?? ''] ?? m[1]} với mã ${m[2]}`],
  [
    /^plan (\S+) is (\w+): it has no result(?: \((.*)\))?$/s,
    (m) => `kết quả giải ${m[1]?.slice(0, 8)} ${STATUS_VI[m[2] ?? ''] ?? m[2]}: chưa có kết quả${m[3] ? ` (${serverMessageText('vi', m[3])})` : ''}`,
  ],
  [/^plan (\S+) is (\w+) already and cannot be cancelled$/, (m) => `kết quả giải ${m[1]?.slice(0, 8)} ${STATUS_VI[m[2] ?? ''] ?? m[2]}, không hủy được nữa`],
  [/^the solver queue is full; retry in (\d+) s$/, (m) => `hàng đợi giải đang đầy; hãy thử lại sau ${m[1]} giây`],
  [/^the solver queue was full$/, () => 'hàng đợi giải đã đầy'],
  [/^the solver stopped unexpectedly$/, () => 'bộ giải dừng bất thường'],
  [/^the task ran longer than ([\d.]+) s and was stopped$/, (m) => `tác vụ chạy quá ${m[1]} giây và đã bị dừng`],
  [/^(\w+) task cancelled$/, () => 'tác vụ đã bị hủy'],
  [/^a bearer token is required: Authorization: Bearer TOKEN$/, () => 'cần mã truy cập (Authorization: Bearer TOKEN)'],
  [/^this needs the (\w+) role; (\S+) is (\w+)$/, (m) => `cần quyền ${m[1]}; ${m[2]} chỉ có quyền ${m[3]}`],
  [/^(.+): the file is not UTF-8 text \(save it as "CSV UTF-8"\)$/, (m) => `${m[1]}: tệp không phải văn bản UTF-8 (hãy lưu dạng "CSV UTF-8")`],
  [/^missing file parts?: (.+)$/, (m) => `thiếu tệp: ${m[1]}`],
  [/^the server could not answer this request; the error is in its log$/, () => 'máy chủ không trả lời được yêu cầu này; lỗi đã được ghi vào nhật ký'],
  [/^(?:Failed to fetch|NetworkError.*|Load failed)$/, () => 'không kết nối được máy chủ'],
];

/** `invalid scenario: maxCommuteKm = 900: must be between 0 and 500; ...` (a failed solve job), each problem in Vietnamese. */
const invalidScenarioVi = (list: string): string | undefined => {
  const parts = list.split('; ').map((item) => {
    const m = /^([\w.]*) = (.*?): (must .*|unknown .*|a scenario .*)$/.exec(item);
    if (!m) return undefined;
    const sentence = validationSentence('vi', m[3] ?? '');
    return sentence === undefined ? undefined : `${leverLabel('vi', m[1] || 'scenario')} = ${m[2]}: ${sentence}`;
  });
  return parts.every((p) => p !== undefined) ? `phương án không hợp lệ: ${parts.join('; ')}` : undefined;
};

/** A server message in `lang`: the known Vietnamese sentence, else the server's own words. */
export const serverMessageText = (lang: Lang, message: string): string => {
  if (lang === 'en') return message;
  const validation = readValidationMessage('vi', message);
  if (validation) return validation.path ? `${leverLabel('vi', validation.path.replace(/^scenario\//, ''))}: ${validation.text}` : validation.text;
  const invalid = /^invalid scenario: (.*)$/s.exec(message);
  if (invalid) return invalidScenarioVi(invalid[1] ?? '') ?? message;
  for (const [re, say] of KNOWN_VI) {
    const m = re.exec(message);
    if (m) return say(m);
  }
  return message;
};
