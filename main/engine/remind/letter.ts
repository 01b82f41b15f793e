// The words of a reminder letter (công văn đôn đốc) in the layout of Nghị định 30/2020/NĐ-CP:
// issuer block and national motto, "Số: …/…" left for the văn thư, place and date, "V/v …",
// "Kính gửi", the list, the deadline, "Nơi nhận" and the signature blocks. DOCX and PDF draw the
// same words (docx.ts, pdf.ts).
import { formatDateVi } from '../../../shared/bundle-names.js';
import type { ReminderItemJson, RemindersJson } from '../../../shared/api-values.js';
import { NO_OFFICE } from '../offices/registry.js';

export interface Letter {
  office: string;
  /** Left of the header: the superior authority (when it can be read from the unit's name) and the unit, upper case. */
  issuer: { superior: string | null; unit: string };
  motto: [string, string];
  number: string;
  placeDate: string;
  subject: string;
  recipient: string;
  intro: string;
  table: { header: string[]; widths: number[]; rows: string[][] };
  closing: string;
  recipients: string[];
  signatures: { title: string; note: string }[];
}

export const MOTTO: [string, string] = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

/** Who signs a reminder or its list: the clerk who made it and the head of the unit. */
export const SIGNATURES: [{ title: string; note: string }, { title: string; note: string }] = [
  { title: 'NGƯỜI LẬP', note: '(Ký, ghi rõ họ tên)' },
  { title: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, ghi rõ họ tên, đóng dấu)' },
];

/** "Bình Định, ngày 20 tháng 10 năm 2023" (the province of the pack; dots when it is not known). */
export function placeDateOf(r: RemindersJson): string {
  return `${r.province ?? '……'}, ${dateWords(r.asOf)}`;
}

const up = (s: string): string => s.toLocaleUpperCase('vi');

/**
 * "Sở Y tế tỉnh Trà Vinh" → superior "UBND TỈNH TRÀ VINH", unit "SỞ Y TẾ"; a unit whose superior
 * cannot be read from its name ("Ủy ban nhân dân huyện Trà Cú") is one line, as written.
 */
export function issuerOf(unit: string | null): Letter['issuer'] {
  const u = (unit ?? '').trim();
  if (!u) return { superior: null, unit: '' };
  const m = /^((?:Sở|Ban|Văn phòng|Thanh tra)\s.+?)\s+(tỉnh|thành phố)\s+(.+)$/iu.exec(u);
  if (m) return { superior: up(`UBND ${m[2]} ${m[3]}`), unit: up(m[1] as string) };
  return { superior: null, unit: up(u) };
}

/** "đợt 2" from the batch's label when it says so ("Đợt 2", "đợt 02"), else "đợt 2 (label)". */
export function batchPhrase(batch: RemindersJson['batch']): string {
  if (!batch) return '';
  const m = /^đợt\s*(.+)$/iu.exec(batch.label.trim());
  return m ? `đợt ${m[1]}` : `đợt ${batch.number} (${batch.label})`;
}

function dateWords(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

export function itemWhat(x: ReminderItemJson): string {
  if (x.kind === 'missing') return x.slot ?? 'Tài liệu kiểm chứng của tiêu chí';
  if (x.kind === 'appraisal-request') return `${x.request === 'explain' ? 'Giải trình' : 'Bổ sung tài liệu'} theo yêu cầu thẩm định`;
  return `Tệp ${x.document ?? ''}`.trim();
}

export function itemState(x: ReminderItemJson): string {
  let s: string;
  if (x.kind === 'missing') s = x.need !== null && x.have !== null ? `Còn thiếu (đã có ${x.have}/${x.need})` : 'Chưa có tài liệu';
  else if (x.kind === 'appraisal-rejected') s = 'Sở Nội vụ không chấp nhận';
  else if (x.kind === 'appraisal-request') s = 'Sở Nội vụ yêu cầu';
  else s = x.kind === 'rejected' ? 'Bị trả lại' : 'Cần bổ sung';
  if (x.note) s += `: ${x.note}`;
  if (x.overdue) s += ' (quá hạn)';
  return s;
}

/** The offices a letter goes to: not the criteria no office was given (they stay in the list). */
export function addressees(r: RemindersJson): RemindersJson['offices'] {
  return r.offices.filter((o) => o.office !== NO_OFFICE);
}

export function lettersOf(r: RemindersJson): Letter[] {
  const issuer = issuerOf(r.unit);
  const phrase = batchPhrase(r.batch);
  const unitName = r.unit ?? 'đơn vị';
  const deadline = r.batch && r.batch.due >= r.asOf ? formatDateVi(r.batch.due) : '…/…/……';
  return addressees(r).map((o) => letterFor(r, o, { issuer, phrase, unitName, deadline }));
}

/** Mid-sentence, a group reads "các đơn vị trực thuộc Sở" (its own name keeps its capital). */
function inSentence(office: string): string {
  return /^(Các|Tất cả) /u.test(office) ? office.charAt(0).toLocaleLowerCase('vi') + office.slice(1) : office;
}

function letterFor(r: RemindersJson, o: RemindersJson['offices'][number], c: { issuer: Letter['issuer']; phrase: string; unitName: string; deadline: string }): Letter {
  const { issuer, phrase, unitName, deadline } = c;
  const who = inSentence(o.office);
  return {
    office: o.office,
    issuer,
    motto: MOTTO,
    number: 'Số: …/…',
    placeDate: placeDateOf(r),
    subject: `V/v đôn đốc gửi tài liệu kiểm chứng${phrase ? ` ${phrase}` : ''}`,
    recipient: `Kính gửi: ${o.office}.`,
    intro:
      `Thực hiện công tác tự đánh giá, chấm điểm Chỉ số cải cách hành chính${r.year !== null ? ` năm ${r.year}` : ''} theo bộ tiêu chí ${r.pack}, ` +
      `${unitName} đề nghị ${who} gửi tài liệu kiểm chứng${phrase ? ` ${phrase}` : ''}${r.batch ? ` (hạn ${formatDateVi(r.batch.due)})` : ''}. ` +
      `Đến ${dateWords(r.asOf)}, ${who} còn các tài liệu kiểm chứng sau chưa gửi đủ hoặc cần hoàn thiện:`,
    table: {
      header: ['STT', 'Tiêu chí', 'Tài liệu kiểm chứng', 'Hạn gửi', 'Tình trạng'],
      widths: [8, 27, 28, 18, 19],
      rows: o.items.map((x, i) => [String(i + 1), `${x.code}. ${x.title}`, itemWhat(x), formatDateVi(x.due), itemState(x)]),
    },
    closing: `Đề nghị ${who} khẩn trương hoàn thiện, gửi các tài liệu kiểm chứng nêu trên trước ngày ${deadline} để ${unitName} kịp tổng hợp, tự đánh giá, chấm điểm theo quy định./.`,
    recipients: ['Nơi nhận:', '- Như trên;', '- Lãnh đạo đơn vị (để b/c);', '- Lưu: VT.'],
    signatures: SIGNATURES,
  };
}
