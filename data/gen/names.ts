/**
 * Vietnamese personal names for the synthetic civil servants: family name, middle name, given name.
 * Family-name weights follow the commonly cited national shares (Nguyễn about 38%, Trần 11%, Lê 9.5%,
 * Phạm 7%, ...) [K], with the northern names frequent around Hai Phong and Hai Duong (Vũ, Đỗ, Đào,
 * Mạc) given a little more weight. Middle and given names are common ones, by gender. Synthetic people.
 */
import type { Random } from './random.ts';

const FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 36], ['Trần', 10], ['Lê', 8], ['Phạm', 8], ['Vũ', 5], ['Hoàng', 4], ['Đỗ', 3.5], ['Bùi', 3],
  ['Đặng', 2.5], ['Ngô', 2], ['Đào', 2], ['Phan', 1.5], ['Dương', 1.2], ['Đinh', 1.2], ['Lương', 1], ['Mạc', 0.8],
  ['Trịnh', 0.8], ['Lưu', 0.7], ['Hà', 0.7], ['Tô', 0.6], ['Cao', 0.6], ['Nhữ', 0.3], ['Đồng', 0.4], ['Lại', 0.4],
];

const MIDDLE_MALE: readonly string[] = ['Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Xuân', 'Tiến', 'Ngọc', 'Mạnh', 'Trung'];
const MIDDLE_FEMALE: readonly string[] = ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Phương', 'Hồng', 'Bích', 'Thùy', 'Kim'];

const GIVEN_MALE: readonly string[] = [
  'Anh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Đông', 'Giang', 'Hải', 'Hiếu', 'Hòa', 'Hùng', 'Huy', 'Khánh', 'Kiên', 'Long',
  'Lâm', 'Mạnh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quyết', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Toàn', 'Trung', 'Tuấn',
  'Tùng', 'Việt', 'Vinh', 'Hưng', 'Khải', 'Lộc', 'Thịnh', 'Hoàng', 'Duy', 'Công',
];
const GIVEN_FEMALE: readonly string[] = [
  'Anh', 'Chi', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng', 'Huyền', 'Hương', 'Lan', 'Liên',
  'Linh', 'Loan', 'Mai', 'Minh', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Thảo', 'Thơm', 'Thủy', 'Trang',
  'Tuyết', 'Vân', 'Yến', 'Lý', 'Hậu', 'Nhàn', 'Thắm', 'Huệ', 'Diệp', 'Xuân',
];

/** Share of women among the civil servants drawn (synthetic; women are a majority at reception desks). */
const FEMALE_SHARE = 0.58;

const pick = (random: Random, items: readonly string[]): string => items[random.integer(0, items.length - 1)] ?? '';

/** One full name, family name first, in NFC Unicode (as typed on Vietnamese keyboards). */
export const vietnameseName = (random: Random): string => {
  const family = random.weighted(FAMILY.map(([name]) => name), FAMILY.map(([, weight]) => weight));
  const female = random.uniform() < FEMALE_SHARE;
  const middle = pick(random, female ? MIDDLE_FEMALE : MIDDLE_MALE);
  let given = pick(random, female ? GIVEN_FEMALE : GIVEN_MALE);
  if (given === middle) given = pick(random, female ? GIVEN_FEMALE : GIVEN_MALE);
  return `${family} ${middle} ${given}`.normalize('NFC');
};
