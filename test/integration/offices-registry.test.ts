// The office registry (issue 15) on a real workspace: the Bình Định pack names its offices
// inconsistently ("Văn phòng Sở" and "Văn phòng", "Phòng Tổ chức cán bộ Sở", "Các Phòng"); the
// registry makes one office one row, expands groups, proposes look-alikes, and every edit is in
// the history. Folders belong to offices of the registry.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingByOffice } from '../../main/engine/offices/missing.js';
import { cleanOfficeName, looksSame, officeKey, strippedKey } from '../../main/engine/offices/names.js';
import { addOffice, listOffices, mergeOffices, registryView, removeOffice, renameOffice, setAlias, setFolderOffice, setMembers } from '../../main/engine/offices/registry.js';
import { getPack } from '../../main/engine/packs/library.js';
import { historyOf } from '../../main/engine/review/review.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import { addRoot } from '../../main/engine/workspace/roots.js';
import { Workspace } from '../../main/engine/workspace/workspace.js';
import { SEEDS, tempDir } from '../helpers/corpus.js';

describe('office names', () => {
  it('fold, strip a unit suffix and spot look-alikes', () => {
    expect(officeKey('Phòng Kế hoạch - Tài chính Sở')).toBe('phong ke hoach tai chinh so');
    expect(strippedKey(officeKey('Phòng Kế hoạch - Tài chính Sở'))).toBe(strippedKey(officeKey('Phòng Kế hoạch Tài chính')));
    expect(strippedKey(officeKey('Văn phòng Sở'))).toBe(officeKey('Văn phòng'));
    expect(strippedKey(officeKey('Phòng Tư pháp huyện'))).toBe('phong tu phap');
    expect(strippedKey(officeKey('Sở'))).toBe('so');
    expect(cleanOfficeName(' Các Phòng chức năng (theo nhiệm vụ được phân công) ')).toBe('Các Phòng chức năng');
    expect(looksSame('Phòng KHTC', 'Phòng Kế hoạch - Tài chính Sở')).toEqual({ reason: 'abbreviation', keep: 'b' });
    expect(looksSame('Phòng Tổ chức cán bộ Sở', 'Phòng TCCB HC')).toEqual({ reason: 'abbreviation', keep: 'a' });
    expect(looksSame('Văn phòng', 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện')).toEqual({ reason: 'contains', keep: 'b' });
    expect(looksSame('Thanh tra Sở', 'Thanh tra Sở và các đơn vị trực thuộc Sở')).toBeNull();
    expect(looksSame('Phòng Nội vụ', 'Phòng Tư pháp')).toBeNull();
  });
});

describe('office registry on a workspace', () => {
  let ws: Workspace;
  let root: string;
  let other: string;

  beforeAll(async () => {
    root = path.join(tempDir('offices-ev'), 'Văn phòng');
    other = path.join(tempDir('offices-ev2'), 'TCCB');
    for (const [dir, file] of [[root, 'plan-000.pdf'], [other, 'plan-001.pdf']] as const) {
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(path.join(SEEDS, file), path.join(dir, file));
    }
    ws = Workspace.create(path.join(tempDir('offices-ws'), 'ws'), { pack: await getPack('binh-dinh-so-y-te-2023'), year: 2023, unit: 'Sở Y tế tỉnh Bình Định' });
    addRoot(ws, root, { office: 'Văn phòng' });
    addRoot(ws, other, { office: null });
    await scanWorkspace(ws, { ocr: false });
  });

  afterAll(() => ws?.close());

  it('is read in memory before anything is stored: one office one row, groups expanded', () => {
    expect(ws.reader.offices.list()).toEqual([]);
    const missing = missingByOffice(ws);
    const names = missing.offices.map((o) => o.office);
    // "Văn phòng" (folder, collaborators) and "Văn phòng Sở" (responsible) are one row, under the full name.
    expect(names).toContain('Văn phòng Sở');
    expect(names).not.toContain('Văn phòng');
    // "Các Phòng, Văn phòng, Thanh tra Sở" (1.6) expands: the group is no row of its own.
    expect(names).not.toContain('Các Phòng');
    const c16 = (office: string): boolean => missing.offices.find((o) => o.office === office)?.criteria.some((c) => c.code === '1.6') ?? false;
    for (const o of ['Phòng Kế hoạch - Tài chính Sở', 'Phòng Nghiệp vụ Y', 'Phòng Tổ chức cán bộ Sở', 'Văn phòng Sở', 'Thanh tra Sở']) expect(c16(o), o).toBe(true);
    // A group that names no office it can expand to stays a row.
    expect(names).toContain('Các đơn vị trực thuộc Sở');
    // Nothing was written by reading.
    expect(ws.reader.offices.list()).toEqual([]);
    expect(missingByOffice(ws, { office: 'van phong' }).offices.map((o) => o.office)).toEqual(['Văn phòng Sở']);
  });

  it('is seeded once on first use, with the merges it made and the ones it only proposes', () => {
    const r = listOffices(ws);
    const office = (n: string) => r.offices.find((o) => o.name === n);
    expect(office('Văn phòng Sở')).toMatchObject({ kind: 'office', aliases: ['Văn phòng'], folders: [fs.realpathSync(root)], criteria: 5 });
    expect(office('Các Phòng')).toMatchObject({ kind: 'group', members: ['Phòng Kế hoạch - Tài chính Sở', 'Phòng Nghiệp vụ Y', 'Phòng Tổ chức cán bộ Sở'] });
    expect(office('Các đơn vị trực thuộc Sở')).toMatchObject({ kind: 'group', members: [] });
    expect(office('Văn phòng')).toBeUndefined();
    expect(r.proposals).toEqual([]);
    const seeds = historyOf(ws).filter((h) => h.action === 'offices:seed');
    expect(seeds).toHaveLength(1);
    expect(seeds[0]?.detail.aliases).toEqual([{ alias: 'Văn phòng', office: 'Văn phòng Sở' }]);
    // The folder added as "Văn phòng" now names its office by the registry's name.
    expect(seeds[0]?.detail.folders).toEqual([{ path: fs.realpathSync(root), from: 'Văn phòng', to: 'Văn phòng Sở' }]);
    expect(ws.reader.roots.list().find((x) => x.path === fs.realpathSync(root))?.office).toBe('Văn phòng Sở');
    // Registered once: a second list adds nothing.
    listOffices(ws);
    expect(historyOf(ws).filter((h) => h.action === 'offices:seed')).toHaveLength(1);
  });

  it('adds, proposes, merges, renames, aliases and refuses in plain words', () => {
    let r = addOffice(ws, 'Phòng KHTC');
    expect(r.proposals).toContainEqual({ office: 'Phòng KHTC', into: 'Phòng Kế hoạch - Tài chính Sở', reason: 'abbreviation' });
    expect(() => addOffice(ws, 'phong khtc')).toThrow(/'phong khtc' already names the office 'Phòng KHTC'; merge them instead/);
    r = mergeOffices(ws, 'Phòng KHTC', 'Phòng Kế hoạch - Tài chính Sở');
    expect(r.offices.find((o) => o.name === 'Phòng Kế hoạch - Tài chính Sở')?.aliases).toContain('Phòng KHTC');
    expect(r.proposals).toEqual([]);
    expect(registryView(ws).resolve('PHÒNG KHTC')).toEqual(['Phòng Kế hoạch - Tài chính Sở']);

    r = renameOffice(ws, 'Phòng Tổ chức cán bộ Sở', 'Phòng Tổ chức - Cán bộ');
    expect(r.offices.find((o) => o.name === 'Phòng Tổ chức - Cán bộ')?.aliases).toEqual(['Phòng Tổ chức cán bộ Sở']);
    // The pack still says "Phòng Tổ chức cán bộ Sở": the old name resolves to the renamed office.
    expect(missingByOffice(ws).offices.map((o) => o.office)).toContain('Phòng Tổ chức - Cán bộ');
    expect(missingByOffice(ws).offices.map((o) => o.office)).not.toContain('Phòng Tổ chức cán bộ Sở');
    // The group follows the rename.
    expect(r.offices.find((o) => o.name === 'Các Phòng')?.members).toContain('Phòng Tổ chức - Cán bộ');

    r = setAlias(ws, 'Phòng Tổ chức - Cán bộ', 'Phòng TCCB');
    expect(registryView(ws).resolve('phòng tccb')).toEqual(['Phòng Tổ chức - Cán bộ']);
    expect(() => setAlias(ws, 'Phòng Tổ chức - Cán bộ', 'Thanh tra Sở')).toThrow(/'Thanh tra Sở' is an office of its own; merge it into 'Phòng Tổ chức - Cán bộ' instead/);
    expect(() => setAlias(ws, 'Phòng Tổ chức - Cán bộ', 'Phòng Không Có', true)).toThrow(/'Phòng Không Có' is not an alias of 'Phòng Tổ chức - Cán bộ'/);
    r = setAlias(ws, 'Phòng Tổ chức - Cán bộ', 'Phòng TCCB', true);
    expect(r.offices.find((o) => o.name === 'Phòng Tổ chức - Cán bộ')?.aliases).toEqual(['Phòng Tổ chức cán bộ Sở']);

    expect(() => mergeOffices(ws, 'Các Phòng', 'Thanh tra Sở')).toThrow(/only offices merge with offices and groups with groups/);
    expect(() => renameOffice(ws, 'Phòng Không Có', 'X')).toThrow(/there is no office 'Phòng Không Có' in the registry/);
    expect(() => removeOffice(ws, 'Thanh tra Sở')).toThrow(/'Thanh tra Sở' is still named by the pack or a folder \(Thanh tra Sở\); merge it into another office instead/);
    addOffice(ws, 'Tổ công tác tạm thời');
    r = removeOffice(ws, 'to cong tac tam thoi');
    expect(r.offices.map((o) => o.name)).not.toContain('Tổ công tác tạm thời');

    r = setMembers(ws, 'Các đơn vị trực thuộc Sở', ['Trung tâm Kiểm soát bệnh tật', 'trung tam giam dinh y khoa']);
    expect(r.offices.find((o) => o.name === 'Các đơn vị trực thuộc Sở')?.members).toEqual(['Trung tâm Giám định y khoa', 'Trung tâm Kiểm soát bệnh tật']);
    const rows = missingByOffice(ws).offices.map((o) => o.office);
    expect(rows).not.toContain('Các đơn vị trực thuộc Sở');
    expect(missingByOffice(ws, { office: 'Trung tâm Kiểm soát' }).offices[0]?.criteria.map((c) => c.code)).toEqual(expect.arrayContaining(['1.3', '5.1.3', '5.5', '5.6']));
    expect(() => setMembers(ws, 'Thanh tra Sở', ['Văn phòng Sở'])).toThrow(/'Thanh tra Sở' is an office, not a group/);

    const actions = historyOf(ws).map((h) => h.action).reverse().filter((a) => a.startsWith('offices:'));
    expect(actions).toEqual(['offices:seed', 'offices:add', 'offices:merge', 'offices:rename', 'offices:alias', 'offices:unalias', 'offices:add', 'offices:remove', 'offices:members']);
  });

  it("sets a folder's office to a registry name, follows renames, and refuses unknown names and folders", () => {
    let r = setFolderOffice(ws, other, 'phong to chuc can bo so');
    expect(ws.reader.roots.list().find((x) => x.path === fs.realpathSync(other))?.office).toBe('Phòng Tổ chức - Cán bộ');
    expect(r.offices.find((o) => o.name === 'Phòng Tổ chức - Cán bộ')?.folders).toEqual([fs.realpathSync(other)]);
    renameOffice(ws, 'Phòng Tổ chức - Cán bộ', 'Phòng Tổ chức cán bộ');
    expect(ws.reader.roots.list().find((x) => x.path === fs.realpathSync(other))?.office).toBe('Phòng Tổ chức cán bộ');
    expect(() => setFolderOffice(ws, other, 'Phòng Không Có')).toThrow(/there is no office 'Phòng Không Có'/);
    expect(() => setFolderOffice(ws, tempDir('not-a-root'), 'Thanh tra Sở')).toThrow(/is not an evidence folder of this workspace/);
    r = setFolderOffice(ws, other, null);
    expect(ws.reader.roots.list().find((x) => x.path === fs.realpathSync(other))?.office).toBeNull();
    expect(historyOf(ws).filter((h) => h.action === 'offices:folder').map((h) => h.detail.to)).toEqual([null, 'Phòng Tổ chức - Cán bộ']);
  });
});
