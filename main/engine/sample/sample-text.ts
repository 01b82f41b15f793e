// Vocabulary for generated, realistic Vietnamese official documents (bench and sample data).

export const ISSUERS = [
  { parent: 'UBND TỈNH TRÀ VINH', name: 'SỞ Y TẾ', code: 'SYT', place: 'Trà Vinh' },
  { parent: 'UBND TỈNH BÌNH ĐỊNH', name: 'SỞ NỘI VỤ', code: 'SNV', place: 'Bình Định' },
  { parent: 'UBND TỈNH ĐỒNG NAI', name: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', code: 'SGDĐT', place: 'Đồng Nai' },
  { parent: 'UBND HUYỆN TRÀ CÚ', name: 'PHÒNG NỘI VỤ', code: 'PNV', place: 'Trà Cú' },
  { parent: 'UBND TỈNH QUẢNG NGÃI', name: 'SỞ TƯ PHÁP', code: 'STP', place: 'Quảng Ngãi' },
  { parent: null, name: 'ỦY BAN NHÂN DÂN TỈNH HÀ GIANG', code: 'UBND', place: 'Hà Giang' },
] as const;

export const TYPES = [
  { code: 'KH', heading: 'KẾ HOẠCH', subject: 'Tuyên truyền cải cách hành chính năm' },
  { code: 'BC', heading: 'BÁO CÁO', subject: 'Kết quả thực hiện công tác cải cách hành chính năm' },
  { code: 'QĐ', heading: 'QUYẾT ĐỊNH', subject: 'Về việc kiện toàn Ban chỉ đạo cải cách hành chính năm' },
  { code: 'TB', heading: 'THÔNG BÁO', subject: 'Kết luận của Giám đốc Sở tại cuộc họp giao ban cải cách hành chính năm' },
  { code: 'HD', heading: 'HƯỚNG DẪN', subject: 'Thực hiện chế độ báo cáo cải cách hành chính định kỳ năm' },
  { code: 'CV', heading: null, subject: 'V/v đôn đốc nộp tài liệu kiểm chứng Chỉ số CCHC năm' },
] as const;

export const SENTENCES = [
  'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư.',
  'Nhằm nâng cao chất lượng, hiệu quả công tác cải cách hành chính, cải thiện Chỉ số PAR Index của tỉnh.',
  'Các phòng chuyên môn, đơn vị trực thuộc chủ động rà soát, bổ sung tài liệu kiểm chứng theo từng tiêu chí.',
  'Tăng cường tuyên truyền, phổ biến các chủ trương, chính sách về cải cách thủ tục hành chính đến người dân.',
  'Thực hiện nghiêm kỷ luật, kỷ cương hành chính; đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động.',
  'Báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15 tháng 11 để tổng hợp, thẩm định theo quy định.',
  'Công khai đầy đủ, kịp thời thủ tục hành chính trên Cổng Dịch vụ công quốc gia và Trang thông tin điện tử.',
  'Đánh giá, xếp loại công chức, viên chức gắn với kết quả thực hiện nhiệm vụ được giao trong năm.',
  'Giao Văn phòng Sở theo dõi, đôn đốc, tổng hợp tình hình thực hiện Kế hoạch này và báo cáo Giám đốc Sở.',
  'Trong quá trình thực hiện nếu có khó khăn, vướng mắc, các đơn vị phản ánh kịp thời để được hướng dẫn.',
] as const;

/** Small deterministic PRNG so generated corpora are the same on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(items: readonly T[], r: () => number): T {
  return items[Math.floor(r() * items.length)] as T;
}
