// Province-level place names, for checking a place read by OCR ("Xiên Giang", "TYe" are not
// places). Official documents print the province or city of the issuer on the date line; a
// district ("Trà Cú") is accepted when the issuer block names it.
import { foldForMatch } from '../../../shared/vietnamese.js';

const PROVINCES = [
  'Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế', 'Thừa Thiên Huế', 'An Giang', 'Bà Rịa - Vũng Tàu', 'Vũng Tàu',
  'Bắc Giang', 'Bắc Kạn', 'Bạc Liêu', 'Bắc Ninh', 'Bến Tre', 'Bình Định', 'Bình Dương', 'Bình Phước', 'Bình Thuận', 'Cà Mau',
  'Cao Bằng', 'Đắk Lắk', 'Đắk Nông', 'Điện Biên', 'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Giang', 'Hà Nam', 'Hà Tĩnh', 'Hải Dương',
  'Hậu Giang', 'Hòa Bình', 'Hưng Yên', 'Khánh Hòa', 'Kiên Giang', 'Kon Tum', 'Lai Châu', 'Lâm Đồng', 'Lạng Sơn', 'Lào Cai',
  'Long An', 'Nam Định', 'Nghệ An', 'Ninh Bình', 'Ninh Thuận', 'Phú Thọ', 'Phú Yên', 'Quảng Bình', 'Quảng Nam', 'Quảng Ngãi',
  'Quảng Ninh', 'Quảng Trị', 'Sóc Trăng', 'Sơn La', 'Tây Ninh', 'Thái Bình', 'Thái Nguyên', 'Thanh Hóa', 'Tiền Giang', 'Trà Vinh',
  'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái',
];

const key = (s: string): string => foldForMatch(s).replace(/[^a-z0-9]+/g, ' ').trim();
const KNOWN = new Set(PROVINCES.map(key));

/** The place is a province or city name, or (two words or more) is named by the issuer block. */
export function knownPlace(place: string, issuerBlock: readonly (string | null)[]): boolean {
  const k = key(place).replace(/^(thanh pho|tp|tinh)\s+/, '');
  if (KNOWN.has(k)) return true;
  if (k.split(' ').length < 2) return false;
  return issuerBlock.some((s) => s !== null && ` ${key(s)} `.includes(` ${k} `));
}
