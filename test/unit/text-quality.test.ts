import { describe, expect, it } from 'vitest';
import { assessTextQuality } from '../../main/engine/pdf/text-quality.js';

const VIETNAMESE = 'Sở Y tế xây dựng Kế hoạch khắc phục những hạn chế và nâng cao các Chỉ số thành phần thuộc Chỉ số PAR Index';

describe('text-layer quality', () => {
  it('accepts real Vietnamese text', () => {
    expect(assessTextQuality(VIETNAMESE).quality).toBe('usable');
  });
  it('flags Ghostscript mojibake', () => {
    const mojibake = '6Ӣ C‘NG 7+ѬѪ1* &Ӝ1* H“A X√ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM Ĉ2¬1 .,ӆ0 TRA THEO 48<ӂ7 Ĉӎ1+ 6Ӕ UBND 7ӌ1+ L¿O CAI 9Ă1 PH“NG &Ӝ1* HO¿ X√ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM ĈӝF OұS - 7ӵ do - +ҥQK';
    expect(assessTextQuality(mojibake).quality).toBe('mojibake');
  });
  it('flags OCR layers that lost every diacritic', () => {
    expect(assessTextQuality('UY BAN NHAN DAN TINH HA GIANG CONG HOA XA HOI CHU NGHIA VIET NAM Doc lap Tu do Hanh phuc QUYET DINH ve viec tang co thi dua').quality).toBe('no-diacritics');
  });
  it('reports no text and too little text', () => {
    expect(assessTextQuality('   ').quality).toBe('none');
    expect(assessTextQuality('Trang 1').quality).toBe('sparse');
  });
});
