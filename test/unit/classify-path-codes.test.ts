import { describe, expect, it } from 'vitest';
import { codeInName, codesInPath } from '../../main/engine/classify/path-codes.js';

describe('criterion codes in folder names', () => {
  it.each([
    ['1.3', '1.3'],
    ['1.3.', '1.3'],
    ['1.3 Tuyên truyền', '1.3'],
    ['1.3. Tuyên truyền CCHC', '1.3'],
    ['TC1.3', '1.3'],
    ['TC 1.3', '1.3'],
    ['TC_1.3', '1.3'],
    ['tc-1.3', '1.3'],
    ['Tiêu chí 1.3 - Công tác tuyên truyền', '1.3'],
    ['TIÊU CHÍ 1.3', '1.3'],
    ['Tieu chi 1.3', '1.3'],
    ['Tiêu chí thành phần 1.7.2', '1.7.2'],
    ['1.7.2_Khen thưởng', '1.7.2'],
    ['1.10 Sáng kiến', '1.10'],
    ['1', '1'],
    ['2. Cải cách thể chế', '2'],
    ['LV1', '1'],
    ['LV 2 - Thể chế', '2'],
    ['Lĩnh vực 3', '3'],
    ['LĨNH VỰC 3. Cải cách TTHC', '3'],
  ])('%s → %s', (name, code) => {
    expect(codeInName(name, 'folder')).toBe(code);
  });

  it.each(['2023', 'Năm 2023', '08.06.2023', '30.6.2023 Báo cáo', 'Phòng TCCB', 'TCCB', '78/KH-SYT', 'Đợt 1', '01 Kế hoạch', 'Văn bản 2023', '123 Báo cáo'])(
    '%s has no code',
    (name) => {
      expect(codeInName(name, 'folder')).toBeNull();
    },
  );
});

describe('criterion codes in file names', () => {
  it.each([
    ['1.3 KH 78.pdf', '1.3'],
    ['1.3_01_78-KH-SYT.pdf', '1.3'],
    ['TC1.3 Kế hoạch tuyên truyền.pdf', '1.3'],
    ['TC 2.4 - Báo cáo.PDF', '2.4'],
    ['Tiêu chí 5.5_BC đào tạo.pdf', '5.5'],
  ])('%s → %s', (name, code) => {
    expect(codeInName(name, 'filename')).toBe(code);
  });

  it.each(['78 KH SYT.pdf', '1 Kế hoạch.pdf', '2609-KH-SYT.pdf', '08.06.2023 KH.pdf', 'KH 78 ngày 08.6.2023.pdf', 'Kế hoạch 118-KH-UBND Hà Giang.pdf'])(
    '%s has no code',
    (name) => {
      expect(codeInName(name, 'filename')).toBeNull();
    },
  );
});

describe('codes along a path', () => {
  it('takes the deepest folder code of nested folders', () => {
    expect(codesInPath('1/1.3/1.3.2/KH 78.pdf').folder?.code).toBe('1.3.2');
    expect(codesInPath('LV1/TC 1.3/Đợt 1/KH 78.pdf').folder).toEqual({ code: '1.3', origin: 'folder', segment: 'TC 1.3' });
  });

  it('reads the file name separately from the folder', () => {
    const r = codesInPath('Phòng TCCB/1.3_KH 78.pdf');
    expect(r.folder).toBeNull();
    expect(r.file?.code).toBe('1.3');
  });

  it('falls back to the root folder name', () => {
    expect(codesInPath('KH 78.pdf', '1.3 Tuyên truyền').folder?.code).toBe('1.3');
    expect(codesInPath('KH 78.pdf', 'Phòng TCCB').folder).toBeNull();
  });
});
