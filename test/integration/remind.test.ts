// Reminders by batch (issue 15) on a real workspace: what each office still owes up to a batch
// (missing slots, a rejected document, one to supplement), written as letters (DOCX opened by
// LibreOffice, PDF) and a list (XLSX read back), from the engine and from the CLI; never into an
// evidence folder.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../main/engine/packs/read-xlsx.js';
import { getPack } from '../../main/engine/packs/library.js';
import { buildReminders } from '../../main/engine/remind/model.js';
import { writeReminders } from '../../main/engine/remind/write.js';
import { assignDocument, reviewDocument } from '../../main/engine/review/review.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import { addRoot } from '../../main/engine/workspace/roots.js';
import { Workspace } from '../../main/engine/workspace/workspace.js';
import { REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';

const TODAY = '2023-07-15';
const BIN = path.join(REPO_ROOT, 'bin', 'kiemchung.js');
const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => fs.existsSync(p));

/** The text in reading order (not -layout: a table cell's lines stay together). */
function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' });
}

function pages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

/** Words as pdftotext lays them out: compare without line breaks and runs of spaces. */
const flat = (s: string): string => s.replace(/\s+/g, ' ');

describe('reminders by batch', () => {
  let ws: Workspace;
  let root: string;
  let out: string;

  beforeAll(async () => {
    root = path.join(tempDir('remind-ev'), 'Văn phòng');
    fs.mkdirSync(root, { recursive: true });
    for (const f of ['plan-000.pdf', 'plan-001.pdf']) fs.copyFileSync(path.join(SEEDS, f), path.join(root, f));
    ws = Workspace.create(path.join(tempDir('remind-ws'), 'ws'), { pack: await getPack('binh-dinh-so-y-te-2023'), year: 2023, unit: 'Sở Y tế tỉnh Bình Định' });
    addRoot(ws, root, { office: 'Văn phòng' });
    ws.setSetting('batches', [
      { label: 'Đợt 1', due: '2023-06-30' },
      { label: 'Đợt 2', due: '2023-09-30' },
      { label: 'Đợt 3', due: '2023-11-15' },
    ]);
    await scanWorkspace(ws, { ocr: false });
    assignDocument(ws, path.join(root, 'plan-000.pdf'), '3.3');
    reviewDocument(ws, path.join(root, 'plan-000.pdf'), '3.3', 'rejected', 'Không đúng năm đánh giá');
    assignDocument(ws, path.join(root, 'plan-001.pdf'), '7.4');
    reviewDocument(ws, path.join(root, 'plan-001.pdf'), '7.4', 'needs-supplement', 'Thiếu phụ lục số liệu');
    // What a decisions import leaves (the import itself: appraisal-cli.test.ts): the appraiser
    // rejected plan-001.pdf on 7.4 and asks for a supplement on 1.6 by 20/01/2024.
    const sha = createHash('sha256').update(fs.readFileSync(path.join(root, 'plan-001.pdf'))).digest('hex');
    ws.writer.appraisedDocuments.replaceAll([{ sha256: sha, code: '7.4', path: '7.4/7.4_01_plan-001.pdf', decision: 'rejected', note: 'Sai năm ban hành' }]);
    ws.writer.appraisalTasks.upsert({ id: 'YC-1', code: '1.6', kind: 'supplement', note: 'Bổ sung quyết định kiện toàn', due: '2024-01-20', round: 1, requested_at: '2023-07-10T00:00:00.000Z', bundle_sha256: '0'.repeat(64) });
    out = tempDir('remind-out');
  });

  afterAll(() => ws?.close());

  it('lists per office what is owed up to the batch: earlier batches stay in, later ones wait', () => {
    // 15/07/2023: batch 1 is past, batch 2 is the current one.
    const r2 = buildReminders(ws, { today: TODAY });
    expect(r2.batch).toEqual({ number: 2, label: 'Đợt 2', due: '2023-09-30' });
    // 2.4's first slot is due 31/03/2023 (Đợt 1, overdue); everything else has no date and falls in Đợt 3.
    expect(r2.offices.map((o) => o.office)).toEqual(['Phòng Tổ chức cán bộ Sở', 'Thanh tra Sở']);
    expect(r2.offices[0]?.items).toEqual([
      { code: '2.4', title: expect.any(String), kind: 'missing', slot: expect.stringMatching(/^Kế hoạch theo dõi tình hình thi hành pháp luật/), have: 0, need: 1, due: '2023-03-31', batch: 'Đợt 1', overdue: true, document: null, note: null },
    ]);

    const r3 = buildReminders(ws, { batch: '3', today: TODAY });
    const vp = r3.offices.find((o) => o.office === 'Văn phòng Sở');
    expect(r3.offices.map((o) => o.office)).not.toContain('Văn phòng');
    expect(vp?.items.filter((x) => x.kind !== 'missing')).toEqual([
      expect.objectContaining({ code: '1.6', kind: 'appraisal-request', request: 'supplement', document: null, note: 'Bổ sung quyết định kiện toàn', due: '2024-01-20', batch: 'Đợt 3', overdue: false }),
      expect.objectContaining({ code: '3.3', kind: 'rejected', document: 'plan-000.pdf', note: 'Không đúng năm đánh giá', batch: 'Đợt 3', overdue: false }),
      expect.objectContaining({ code: '7.4', kind: 'needs-supplement', document: 'plan-001.pdf', note: 'Thiếu phụ lục số liệu', batch: 'Đợt 3' }),
      expect.objectContaining({ code: '7.4', kind: 'appraisal-rejected', document: 'plan-001.pdf', note: 'Sai năm ban hành', batch: 'Đợt 3' }),
    ]);
    expect(vp?.items.filter((x) => x.kind === 'missing').map((x) => x.code)).toEqual(['1.6', '3.3', '5.3', '5.3', '7.4', '7.7']);
    // By label, folded; by office, folded and by alias.
    expect(buildReminders(ws, { batch: 'đợt 3', today: TODAY }).batch?.number).toBe(3);
    expect(buildReminders(ws, { batch: '3', office: 'van phong', today: TODAY }).offices.map((o) => o.office)).toEqual(['Văn phòng Sở']);
    expect(() => buildReminders(ws, { batch: '4' })).toThrow(/there is no batch '4'; the batches are 1 \(Đợt 1\), 2 \(Đợt 2\), 3 \(Đợt 3\)/);
    expect(() => buildReminders(ws, { office: 'Phòng Không Có' })).toThrow(/no office matches 'Phòng Không Có'/);
  });

  it.skipIf(soffice === undefined)('writes the letters as DOCX that LibreOffice opens with the Vietnamese intact', async () => {
    const file = path.join(out, 'Công văn đôn đốc đợt 3.docx');
    const r = await writeReminders(ws, file, { batch: '3', today: TODAY });
    expect(r).toMatchObject({ out: file, format: 'docx', batch: { number: 3 } });
    // Real paragraphs and tables, no pictures of text.
    const xml = execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(xml).toContain('<w:tbl>');
    expect(xml).not.toContain('<w:drawing>');
    expect((xml.match(/<w:sectPr/g) ?? []).length).toBe(r.offices);
    const profile = tempDir('remind-lo');
    execFileSync(soffice as string, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'ignore', timeout: 180_000, env: { ...process.env, HOME: profile } });
    const pdf = file.replace(/\.docx$/, '.pdf');
    const text = flat(pdfText(pdf));
    for (const s of [
      'UBND TỈNH BÌNH ĐỊNH',
      'SỞ Y TẾ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: …/…',
      'Bình Định, ngày 15 tháng 07 năm 2023',
      'V/v đôn đốc gửi tài liệu kiểm chứng đợt 3',
      'Kính gửi: Văn phòng Sở.',
      'Không đúng năm đánh giá',
      'Thiếu phụ lục số liệu',
      // The appraiser's rejection and request, with its deadline, dd/mm/yyyy.
      'Sở Nội vụ không chấp nhận: Sai năm ban hành',
      'Bổ sung tài liệu theo yêu cầu thẩm định',
      '20/01/2024',
      // The batch's deadline in the opening paragraph and in the closing one.
      '(hạn 15/11/2023)',
      'trước ngày 15/11/2023',
      'Nơi nhận:',
      'NGƯỜI LẬP',
      'THỦ TRƯỞNG ĐƠN VỊ',
    ]) {
      expect(text, s).toContain(s);
    }
    expect(pages(pdf)).toBeGreaterThanOrEqual(r.offices);
    // No letter to "nobody": criteria without an office are in the list only.
    expect(text).not.toContain('Kính gửi: (chưa giao phòng chủ trì)');
    // Each slot's due date, dd/mm/yyyy: 2.4's first slot (Đợt 1, overdue) in the letter to its office.
    expect(text).toMatch(/Kính gửi: Phòng Tổ chức cán bộ Sở\.[^]*31\/03\/2023[^]*Còn thiếu \(đã có 0\/1\) \(quá hạn\)/);
    // The README's picture of a letter (first page at 60 dpi).
    execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', '-singlefile', pdf, path.join(out, 'letter')]);
    expect(fs.statSync(path.join(out, 'letter.png')).size).toBeGreaterThan(5000);
  }, 300_000);

  it('writes the letters as PDF, each office from a new page', async () => {
    const file = path.join(out, 'don-doc.pdf');
    const r = await writeReminders(ws, file, { batch: '3', today: TODAY });
    expect(r.format).toBe('pdf');
    const text = flat(pdfText(file));
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Kính gửi: Văn phòng Sở.', 'V/v đôn đốc gửi tài liệu kiểm chứng đợt 3', 'Bị trả lại: Không đúng năm đánh giá', 'Cần bổ sung: Thiếu phụ lục số liệu', 'Nơi nhận:']) {
      expect(text, s).toContain(s);
    }
    const n = pages(file);
    let letters = 0;
    for (let p = 1; p <= n; p++) if (pdfText(file, p).includes('Kính gửi:')) letters++;
    expect(letters).toBe(r.offices);
  }, 120_000);

  it('prints the list as PDF: every office, then the place and date and the signatures', async () => {
    const file = path.join(out, 'danh-sach.pdf');
    const r = await writeReminders(ws, file, { batch: '3', today: TODAY, kind: 'list' });
    expect(r).toMatchObject({ format: 'pdf', kind: 'list' });
    const text = flat(pdfText(file));
    for (const s of ['SỞ Y TẾ TỈNH BÌNH ĐỊNH', 'DANH SÁCH ĐÔN ĐỐC GỬI TÀI LIỆU KIỂM CHỨNG ĐỢT 3', 'Tính đến ngày: 15/07/2023', 'Văn phòng Sở (', '(chưa giao phòng chủ trì)', 'Bị trả lại: Không đúng năm đánh giá', 'Bình Định, ngày 15 tháng 07 năm 2023', 'NGƯỜI LẬP', 'THỦ TRƯỞNG ĐƠN VỊ']) {
      expect(text, s).toContain(s);
    }
    await expect(writeReminders(ws, path.join(out, 'danh-sach.docx'), { kind: 'list' })).rejects.toThrow(/the list can be written as \.pdf or \.xlsx/);
  }, 120_000);

  it('writes the list as XLSX with every item and real dates', async () => {
    const file = path.join(out, 'don-doc.xlsx');
    const r = await writeReminders(ws, file, { batch: '3', today: TODAY });
    const read = await readXlsxRows(file);
    if (!read.ok) throw new Error(read.problem.message);
    const header = read.rows.findIndex((row) => row.cells[0] === 'Phòng ban');
    expect(read.rows[header]?.cells).toEqual(['Phòng ban', 'Đợt', 'Hạn gửi', 'Mã tiêu chí', 'Tiêu chí', 'Tài liệu kiểm chứng', 'Tình trạng', 'Tệp', 'Ghi chú']);
    const rows = read.rows.slice(header + 1, header + 1 + r.items).map((row) => row.cells);
    expect(r).toMatchObject({ kind: 'list', offices: buildReminders(ws, { batch: '3', today: TODAY }).offices.length });
    // Under the list: the place and date, then the signature blocks.
    // (merged cells read back with their value in each cell: once is enough here)
    const tail = read.rows.slice(header + 1 + r.items).map((row) => [...new Set(row.cells.filter((c) => c !== null && c !== ''))]);
    expect(tail).toEqual([['Bình Định, ngày 15 tháng 07 năm 2023'], ['NGƯỜI LẬP', 'THỦ TRƯỞNG ĐƠN VỊ'], ['(Ký, ghi rõ họ tên)', '(Ký, ghi rõ họ tên, đóng dấu)']]);
    expect(rows).toContainEqual(['Văn phòng Sở', 'Đợt 3', '', '3.3', expect.any(String), '', 'Bị trả lại', 'plan-000.pdf', 'Không đúng năm đánh giá']);
    expect(rows).toContainEqual(['Văn phòng Sở', 'Đợt 3', new Date(Date.UTC(2024, 0, 20)), '1.6', expect.any(String), 'Bổ sung tài liệu theo yêu cầu thẩm định', 'Sở Nội vụ yêu cầu', '', 'Bổ sung quyết định kiện toàn']);
    expect(rows).toContainEqual(['Văn phòng Sở', 'Đợt 3', '', '7.4', expect.any(String), '', 'Sở Nội vụ không chấp nhận', 'plan-001.pdf', 'Sai năm ban hành']);
    const dated = rows.find((c) => c[3] === '2.4');
    expect(dated?.[2]).toEqual(new Date(Date.UTC(2023, 2, 31)));
    // The list keeps the criteria no office was given (7.10 in this pack).
    expect(rows.some((c) => c[0] === '(chưa giao phòng chủ trì)' && c[3] === '7.10')).toBe(true);
  });

  it('refuses an evidence folder, a wrong extension and an empty reminder, writing nothing', async () => {
    await expect(writeReminders(ws, path.join(root, 'don-doc.pdf'))).rejects.toThrow(/refusing to write the reminders into the evidence folder/);
    expect(fs.existsSync(path.join(root, 'don-doc.pdf'))).toBe(false);
    await expect(writeReminders(ws, path.join(out, 'don-doc.txt'))).rejects.toThrow(/ending in \.docx, \.pdf or \.xlsx/);
    await expect(writeReminders(ws, path.join(out, 'x', 'don-doc.pdf'))).rejects.toThrow(/does not exist/);
    await expect(writeReminders(ws, path.join(out, 'none.docx'), { batch: '1', office: 'Văn phòng Sở', today: TODAY })).rejects.toThrow(/nothing to remind for 'Văn phòng Sở' up to Đợt 1/);
    expect(fs.existsSync(path.join(out, 'none.docx'))).toBe(false);
    expect(fs.readdirSync(root).sort()).toEqual(['plan-000.pdf', 'plan-001.pdf']);
  });

  it('the CLI: remind --json, remind --out, offices list/alias/folder', () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist/main/cli/remind.js')) && !fs.existsSync(path.join(REPO_ROOT, 'dist/main/cli/commands/remind.js'))) {
      spawnSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { cwd: REPO_ROOT, stdio: 'inherit' });
    }
    const env = { ...process.env, KIEMCHUNG_HOME: tempDir('remind-home'), KIEMCHUNG_USER: 'thu.ky' };
    const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, timeout: 120_000 });
    ws.close();
    try {
      const list = cli('remind', ws.dir, '--batch', '3', '--office', 'văn phòng', '--json');
      expect(list.status, list.stderr).toBe(0);
      expect((JSON.parse(list.stdout) as { offices: { office: string }[] }).offices.map((o) => o.office)).toEqual(['Văn phòng Sở']);
      const file = path.join(out, 'cli.xlsx');
      const wrote = cli('remind', ws.dir, '--batch', '3', '--out', file, '--json');
      expect(wrote.status, wrote.stderr).toBe(0);
      expect(JSON.parse(wrote.stdout)).toMatchObject({ out: file, format: 'xlsx', batch: { number: 3, label: 'Đợt 3' } });
      const refused = cli('remind', ws.dir, '--out', path.join(root, 'x.docx'));
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/never writes in evidence folders/);
      const alias = cli('offices', 'alias', ws.dir, 'Thanh tra Sở', 'Thanh tra', '--json');
      expect(alias.status, alias.stderr).toBe(0);
      const offices = (JSON.parse(alias.stdout) as { offices: { name: string; aliases: string[] }[] }).offices;
      expect(offices.find((o) => o.name === 'Thanh tra Sở')?.aliases).toEqual(['Thanh tra']);
      const folder = cli('offices', 'folder', ws.dir, root, 'thanh tra', '--json');
      expect(folder.status, folder.stderr).toBe(0);
      const listed = cli('folder', 'list', ws.dir, '--json');
      expect((JSON.parse(listed.stdout) as { office: string }[])[0]?.office).toBe('Thanh tra Sở');
      const usage = cli('offices', 'folder', ws.dir, root);
      expect(usage.status).toBe(2);
    } finally {
      ws = Workspace.open(ws.dir);
    }
  }, 300_000);
});
