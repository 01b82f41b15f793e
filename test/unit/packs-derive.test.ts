import { describe, expect, it } from 'vitest';
import {
  BadDateError,
  deriveEvidenceSlots,
  deriveKeywords,
  parseDeadline,
  resolveTypeCode,
  slotDueHints,
  splitOutsideBrackets,
  typeNamedAtStart,
} from '../../main/engine/packs/derive.js';
import { formatEvidenceCell, parseEvidenceCell } from '../../main/engine/packs/evidence-cell.js';
import { fieldOfHeader } from '../../main/engine/packs/columns.js';

describe('deriveKeywords', () => {
  it('keeps topic words, folded, and drops generic ones', () => {
    expect(deriveKeywords('Công tác tuyên truyền CCHC')).toEqual(['tuyen truyen', 'cchc', 'cai cach hanh chinh']);
    expect(deriveKeywords('Đánh giá, xếp loại công chức, viên chức')).toEqual(['danh gia', 'xep loai', 'cong chuc', 'vien chuc']);
    expect(deriveKeywords('Thực hiện chuyển đổi vị trí công tác CCVC theo quy định')).toEqual([
      'chuyen doi',
      'vi tri',
      'ccvc',
      'cong chuc vien chuc',
    ]);
  });

  it('segments by the lexicon so words are not split across syllable pairs', () => {
    expect(deriveKeywords('Đơn giản hoá thủ tục hành chính')).toEqual(['don gian hoa', 'thu tuc', 'hanh chinh']);
    expect(deriveKeywords('Theo dõi tình hình thi hành pháp luật')).toEqual(['theo doi', 'tinh hinh', 'thi hanh', 'phap luat']);
  });

  it('ignores numbers, parenthesised asides and generic abbreviations', () => {
    expect(deriveKeywords('Kế hoạch năm 2023 (trong quý I) của UBND tỉnh')).toEqual(['ke hoach']);
  });
});

describe('document types', () => {
  it('resolves codes as people type them', () => {
    expect(resolveTypeCode('KH')).toBe('KH');
    expect(resolveTypeCode('kh')).toBe('KH');
    expect(resolveTypeCode('QD')).toBe('QĐ');
    expect(resolveTypeCode('qđ')).toBe('QĐ');
    expect(resolveTypeCode('DA')).toBe('DA');
    expect(resolveTypeCode('ĐA')).toBe('ĐA');
    expect(resolveTypeCode('qyđ')).toBe('QyĐ');
    expect(resolveTypeCode('XY')).toBeNull();
  });

  it('reads a type from the start of a label', () => {
    expect(typeNamedAtStart('Kế hoạch tuyên truyền CCHC năm')).toBe('KH');
    expect(typeNamedAtStart('quyết định khen thưởng')).toBe('QĐ');
    expect(typeNamedAtStart('Tin bài đăng trên trang')).toBeNull();
  });
});

describe('deriveEvidenceSlots', () => {
  it('makes a KH and a BC slot from a plan-and-report sentence, dating the plan from the deadline', () => {
    const slots = deriveEvidenceSlots(
      '2.4',
      'Kế hoạch theo dõi tình hình thi hành pháp luật năm 2023 (trong quý I); Báo cáo kết quả theo dõi tình hình thi hành pháp luật đúng thời gian quy định (hàng quý, 6 tháng, năm)',
      { dueText: 'Quý I (kế hoạch); hàng quý (báo cáo)', year: 2023 },
    );
    expect(slots.map((s) => [s.id, s.types, s.label, s.due])).toEqual([
      ['2.4#1', ['KH'], 'Kế hoạch theo dõi tình hình thi hành pháp luật năm 2023 (trong quý I)', '2023-03-31'],
      ['2.4#2', ['BC'], 'Báo cáo kết quả theo dõi tình hình thi hành pháp luật đúng thời gian quy định (hàng quý, 6 tháng, năm)', null],
    ]);
    expect(slots[0]?.keywords).toEqual(['theo doi', 'tinh hinh', 'thi hanh', 'phap luat']);
    expect(slots.every((s) => s.minCount === 1)).toBe(true);
  });

  it('reads a Quyết định', () => {
    const slots = deriveEvidenceSlots('1.7.2', 'Quyết định khen thưởng thành tích công tác cải cách hành chính');
    expect(slots.map((s) => [s.types, s.label])).toEqual([[['QĐ'], 'Quyết định khen thưởng thành tích công tác cải cách hành chính']]);
  });

  it('keeps the whole text as one untyped slot when no type can be read', () => {
    const text = 'Tuyên truyền đầy đủ 03 hình thức: (1) Hội nghị; tổ chức ít nhất 01 cuộc tọa đàm về CCHC';
    const slots = deriveEvidenceSlots('1.3', text);
    expect(slots).toHaveLength(1);
    expect(slots[0]).toMatchObject({ id: '1.3#1', types: [], label: text });
  });

  it('does not take ordinary words for document types', () => {
    // "giải ngân kế hoạch vốn" is not a Kế hoạch document; "theo quy định" is not a Quy định.
    const slots = deriveEvidenceSlots('6.6', 'Giải ngân kế hoạch đầu tư vốn NSNN đạt 100%; ban hành quy chế quản lý tài sản công theo quy định');
    expect(slots.map((s) => [s.types, s.label])).toEqual([
      [[], 'Giải ngân kế hoạch đầu tư vốn NSNN đạt 100%'],
      [['QC'], 'Quy chế quản lý tài sản công theo quy định'],
    ]);
  });

  it('does not repeat a plan that a later requirement refers to ("theo Kế hoạch")', () => {
    const slots = deriveEvidenceSlots('5.6', 'Ban hành Kế hoạch chuyển đổi vị trí công tác; thực hiện theo Kế hoạch và báo cáo kết quả đúng thời gian');
    expect(slots.map((s) => [s.id, s.types, s.label])).toEqual([
      ['5.6#1', ['KH'], 'Kế hoạch chuyển đổi vị trí công tác'],
      ['5.6#2', ['BC'], 'Báo cáo kết quả đúng thời gian'],
    ]);
  });

  it('joins consecutive mentions of one type into one slot', () => {
    const slots = deriveEvidenceSlots('5.1.3', '100% đơn vị đã xây dựng Đề án vị trí việc làm/Đề án điều chỉnh Đề án vị trí việc làm');
    expect(slots.map((s) => s.types)).toEqual([['ĐA']]);
  });

  it('returns no slots for empty text', () => {
    expect(deriveEvidenceSlots('1', null)).toEqual([]);
    expect(deriveEvidenceSlots('1', '  ')).toEqual([]);
  });

  it('dates slots by quarter only when the year is known', () => {
    expect([...slotDueHints('Quý II (báo cáo)', 2024)]).toEqual([['BC', '2024-06-30']]);
    expect(slotDueHints('Quý II (báo cáo)', null).size).toBe(0);
  });
});

describe('parseDeadline', () => {
  it('turns lone dates into ISO and keeps other text as printed', () => {
    expect(parseDeadline('30/11/2023')).toEqual({ due: '2023-11-30', dueText: null });
    expect(parseDeadline('2023-11-30')).toEqual({ due: '2023-11-30', dueText: null });
    expect(parseDeadline('5/1/2023')).toEqual({ due: '2023-01-05', dueText: null });
    expect(parseDeadline('Trước ngày 15/11/2023')).toEqual({ due: '2023-11-15', dueText: 'Trước ngày 15/11/2023' });
    expect(parseDeadline('Thường xuyên')).toEqual({ due: null, dueText: 'Thường xuyên' });
    expect(parseDeadline('Quý I (kế hoạch); hàng quý (báo cáo)')).toEqual({ due: null, dueText: 'Quý I (kế hoạch); hàng quý (báo cáo)' });
    expect(parseDeadline('')).toEqual({ due: null, dueText: null });
  });

  it('refuses dates that do not exist', () => {
    expect(() => parseDeadline('31/02/2023')).toThrow(BadDateError);
    expect(() => parseDeadline('2023-13-01')).toThrow("'2023-13-01' is not a real date");
  });
});

describe('evidence cell', () => {
  it('reads one slot per line or per ;, with an optional type code', () => {
    const { slots, errors } = parseEvidenceCell('KH: Kế hoạch tuyên truyền CCHC năm\nBáo cáo kết quả; Tin bài trên Trang TTĐT', '1.3');
    expect(errors).toEqual([]);
    expect(slots.map((s) => [s.id, s.types, s.label])).toEqual([
      ['1.3#1', ['KH'], 'Kế hoạch tuyên truyền CCHC năm'],
      ['1.3#2', ['BC'], 'Báo cáo kết quả'],
      ['1.3#3', [], 'Tin bài trên Trang TTĐT'],
    ]);
  });

  it('reads several codes and the settings in braces', () => {
    const { slots, errors } = parseEvidenceCell('bc, tb: Báo cáo hoặc thông báo {tối thiểu: 2; hạn: 15/12/2023; từ khóa: Tuyên truyền, cchc}', '1.3');
    expect(errors).toEqual([]);
    expect(slots[0]).toEqual({
      id: '1.3#1',
      label: 'Báo cáo hoặc thông báo',
      types: ['BC', 'TB'],
      keywords: ['tuyen truyen', 'cchc'],
      minCount: 2,
      due: '2023-12-15',
    });
  });

  it('does not take an ordinary colon for a type code, but reports an unknown code', () => {
    expect(parseEvidenceCell('Lưu ý: nộp bản scan', '1').slots[0]).toMatchObject({ types: [], label: 'Lưu ý: nộp bản scan' });
    expect(parseEvidenceCell('XY: Văn bản', '1').errors).toEqual([{ kind: 'slot-type-unknown', params: { value: 'XY' } }]);
    expect(parseEvidenceCell('KH: x {tối thiểu: hai}', '1').errors).toEqual([{ kind: 'slot-min-invalid', params: { value: 'hai' } }]);
  });

  it('formats slots so that they read back the same', () => {
    const slots = [
      { id: '1#1', label: 'Kế hoạch CCHC', types: ['KH'], keywords: ['cchc', 'cai cach hanh chinh'], minCount: 1, due: null },
      { id: '1#2', label: 'Báo cáo quý', types: ['BC', 'TB'], keywords: ['bao cao quy'], minCount: 4, due: '2023-12-15' },
      { id: '1#3', label: 'Kế hoạch nhưng loại nào cũng được', types: [], keywords: ['loai'], minCount: 0, due: null },
      { id: '1#4', label: 'Tin bài: đăng trên trang', types: [], keywords: ['tin bai', 'trang'], minCount: 1, due: null },
      { id: '1#5', label: 'Đạt 95%; đạt "80%"', types: ['BC'], keywords: [], minCount: 1, due: null },
      { id: '1#6', label: 'Hai yêu cầu; không loại', types: [], keywords: [], minCount: 1, due: null },
    ];
    const cell = formatEvidenceCell(slots);
    expect(cell.split('\n')[0]).toBe('KH: Kế hoạch CCHC');
    const back = parseEvidenceCell(cell, '1');
    expect(back.errors).toEqual([]);
    expect(back.slots).toEqual(slots);
  });
});

describe('column headers', () => {
  it('matches Vietnamese and English names regardless of case, marks and notes', () => {
    expect(fieldOfHeader('Mã')).toBe('code');
    expect(fieldOfHeader('MÃ')).toBe('code');
    expect(fieldOfHeader('ma')).toBe('code');
    expect(fieldOfHeader('Tên tiêu chí')).toBe('title');
    expect(fieldOfHeader('ĐIỂM TỐI ĐA (điểm)')).toBe('maxPoints');
    expect(fieldOfHeader('Tài liệu kiểm chứng')).toBe('evidence');
    expect(fieldOfHeader('Từ khoá')).toBe('keywords');
    expect(fieldOfHeader('Phòng chủ trì')).toBe('responsible');
    expect(fieldOfHeader('phong phoi hop')).toBe('collaborators');
    expect(fieldOfHeader('Thời hạn')).toBe('due');
    expect(fieldOfHeader('Cách chấm điểm')).toBe('scoringRule');
    expect(fieldOfHeader('expected_result')).toBe('expectedResult');
    expect(fieldOfHeader('deadline')).toBe('due');
    expect(fieldOfHeader('maxPoints')).toBe('maxPoints');
    expect(fieldOfHeader('Ghi chú')).toBeNull();
  });

  it('splits outside brackets only', () => {
    expect(splitOutsideBrackets('a; b (c; d); {e; f}', ';')).toEqual(['a', 'b (c; d)', '{e; f}']);
  });
});
