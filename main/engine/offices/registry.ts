// The workspace's office registry (issue 15): one office is one row, whatever spelling the pack's
// "responsible"/"collaborating" cells and the evidence folders use. Names are matched by their
// folded key (names.ts); aliases map other spellings to an office; a group ("Các phòng chuyên môn")
// expands to its member offices.
//
// Seeding: every name the pack or a folder uses that the registry does not know is registered on
// the next registry call (offices:list and every edit), so the registry follows pack edits. A new
// name whose key equals a known office's key once a trailing unit suffix ("Sở", "huyện", "UBND
// huyện", "Sở Y tế") is stripped from both is recorded as an alias of that office without asking
// ("Văn phòng" → "Văn phòng Sở"); other look-alikes (initials, one name the start of the other)
// are only proposed. A new group "Các phòng …" starts with every "Phòng …" office as its members.
// Read-only callers (offices:missing, reminders) see the same registry computed in memory.
import fs from 'node:fs';
import path from 'node:path';
import type { OfficeJson, OfficeProposalJson, OfficesJson } from '../../../shared/api-values.js';
import { vietnameseCollator } from '../../../shared/vietnamese.js';
import type { OfficeKind } from '../db/stores/offices.js';
import { UserError } from '../errors.js';
import { defaultActor } from '../workspace/actor.js';
import { cleanOfficeName, isGroupKey, isPhongKey, looksSame, namesAllPhong, officeKey, strippedKey } from './names.js';
import type { Workspace } from '../workspace/workspace.js';

/** Where no office is named in the pack. */
export const NO_OFFICE = '(chưa giao phòng chủ trì)';

interface Entry {
  /** Stored id, or a negative id for an entry seeded in memory only. */
  id: number;
  name: string;
  key: string;
  kind: OfficeKind;
  aliases: { alias: string; key: string; source: 'seed' | 'user' }[];
  members: number[];
}

type SeedOp =
  | { op: 'office'; id: number; name: string; key: string; kind: OfficeKind }
  | { op: 'alias'; id: number; alias: string; key: string }
  | { op: 'members'; id: number; members: number[] };

/**
 * Offices named in a pack's cell: "Phòng TCCB HC, Bộ phận Một cửa" and "Phòng Tổ chức cán bộ Sở;
 * Thanh tra Sở" both name two offices. "và" alone is not a separator: it is part of names like
 * "Phòng Kế hoạch và Tài chính"; "và các …" is ("Thanh tra Sở và các đơn vị trực thuộc Sở").
 * Remarks in parentheses are dropped.
 */
export function namesIn(cell: string | null): string[] {
  if (!cell?.trim()) return [];
  return cell
    .replace(/\([^)]*\)/g, ' ')
    .split(/[;,\n]|\s+và\s+(?=các\s)/iu)
    .map(cleanOfficeName)
    .filter(Boolean);
}

export class OfficeRegistry {
  private readonly byKey = new Map<string, Entry>();
  private readonly byId = new Map<number, Entry>();

  constructor(readonly entries: Entry[]) {
    for (const e of entries) this.index(e);
  }

  index(e: Entry): void {
    this.byId.set(e.id, e);
    this.byKey.set(e.key, e);
    for (const a of e.aliases) this.byKey.set(a.key, e);
  }

  add(e: Entry): void {
    this.entries.push(e);
    this.index(e);
  }

  /** The office or group a name (or alias) denotes. */
  find(name: string): Entry | undefined {
    return this.byKey.get(officeKey(name));
  }

  get(id: number): Entry | undefined {
    return this.byId.get(id);
  }

  /** The offices (rows) a name stands for: its office, a group's members, or the name itself. */
  resolve(name: string): string[] {
    const e = this.find(name);
    if (!e) return [cleanOfficeName(name)];
    if (e.kind === 'group' && e.members.length > 0) {
      return e.members.map((id) => this.byId.get(id)?.name).filter((n): n is string => n !== undefined);
    }
    return [e.name];
  }

  /** Whether `query` (folded, part of a name or alias) denotes `office`. */
  matches(office: string, query: string): boolean {
    const q = officeKey(query);
    if (!q) return true;
    const e = this.find(office);
    const keys = e ? [e.key, ...e.aliases.map((a) => a.key)] : [officeKey(office)];
    return keys.some((k) => k.includes(q));
  }
}

/** Names the pack and the folders use, with how many cells name each (more uses first). */
export function sourceNames(ws: Workspace): Map<string, number> {
  const uses = new Map<string, number>();
  const count = (n: string): void => void uses.set(n, (uses.get(n) ?? 0) + 1);
  for (const c of ws.pack().criteria) {
    for (const n of namesIn(c.responsible)) count(n);
    for (const n of namesIn(c.collaborators)) count(n);
  }
  for (const r of ws.reader.roots.list()) if (r.office?.trim()) count(cleanOfficeName(r.office));
  return uses;
}

function storedRegistry(ws: Workspace): OfficeRegistry {
  const aliases = ws.reader.officeAliases.list();
  const members = ws.reader.officeMembers.list();
  return new OfficeRegistry(
    ws.reader.offices.list().map((o) => ({
      id: o.id,
      name: o.name,
      key: o.key,
      kind: o.kind,
      aliases: aliases.filter((a) => a.officeId === o.id).map((a) => ({ alias: a.alias, key: a.key, source: a.source })),
      members: members.filter((m) => m.groupId === o.id).map((m) => m.officeId),
    })),
  );
}

/** Registers in `reg` (in memory) the names it does not know; returns what to store. */
function seed(reg: OfficeRegistry, uses: Map<string, number>): SeedOp[] {
  const ops: SeedOp[] = [];
  let nextId = -1;
  const byStripped = new Map<string, Entry>();
  for (const e of reg.entries) for (const k of [e.key, ...e.aliases.map((a) => a.key)]) if (!byStripped.has(strippedKey(k))) byStripped.set(strippedKey(k), e);
  // The longest spelling first, so that of names equal once stripped the full one ("Văn phòng
  // Sở", not "Văn phòng") is the display name; then the most used.
  const names = [...uses.entries()].sort((a, b) => b[0].length - a[0].length || b[1] - a[1] || vietnameseCollator.compare(a[0], b[0])).map(([n]) => n);
  const newGroups: Entry[] = [];
  for (const name of names) {
    const key = officeKey(name);
    if (!key || reg.find(name)) continue;
    const kind: OfficeKind = isGroupKey(key) ? 'group' : 'office';
    const same = byStripped.get(strippedKey(key));
    if (same && same.kind === kind) {
      same.aliases.push({ alias: name, key, source: 'seed' });
      reg.index(same);
      ops.push({ op: 'alias', id: same.id, alias: name, key });
      continue;
    }
    const e: Entry = { id: nextId--, name, key, kind, aliases: [], members: [] };
    reg.add(e);
    byStripped.set(strippedKey(key), e);
    ops.push({ op: 'office', id: e.id, name, key, kind });
    if (kind === 'group') newGroups.push(e);
  }
  for (const g of newGroups) {
    if (!namesAllPhong(g.key)) continue;
    g.members = reg.entries.filter((e) => e.kind === 'office' && isPhongKey(strippedKey(e.key))).map((e) => e.id);
    if (g.members.length > 0) ops.push({ op: 'members', id: g.id, members: g.members });
  }
  return ops;
}

/** The registry as it is once the pack's and folders' names are registered (nothing is written). */
export function registryView(ws: Workspace): OfficeRegistry {
  const reg = storedRegistry(ws);
  seed(reg, sourceNames(ws));
  return reg;
}

function record(ws: Workspace, action: string, detail: Record<string, unknown>): void {
  ws.writer.history.append({ actor: defaultActor(), action, sha256: null, code: null, detail });
}

/**
 * Registers the names the registry does not know yet, and names each folder's office by its
 * registry name ("Văn phòng" typed when the folder was added → "Văn phòng Sở"); one history entry
 * when anything changed.
 */
export function syncRegistry(ws: Workspace): OfficeRegistry {
  const reg = storedRegistry(ws);
  const ops = seed(reg, sourceNames(ws));
  const folders = ws.reader.roots
    .list()
    .flatMap((r) => {
      const e = r.office?.trim() ? reg.find(r.office) : undefined;
      return e && e.name !== r.office ? [{ id: r.id, path: r.path, from: r.office as string, to: e.name }] : [];
    });
  if (ops.length === 0 && folders.length === 0) return reg;
  ws.writer.transaction(() => {
    const ids = new Map<number, number>();
    const real = (id: number): number => (id < 0 ? (ids.get(id) as number) : id);
    for (const op of ops) {
      if (op.op === 'office') ids.set(op.id, ws.writer.offices.add(op.name, op.key, op.kind));
      else if (op.op === 'alias') ws.writer.officeAliases.add(op.key, op.alias, real(op.id), 'seed');
      else ws.writer.officeMembers.set(real(op.id), op.members.map(real));
    }
    for (const f of folders) ws.writer.roots.setOffice(f.id, f.to);
    record(ws, 'offices:seed', {
      added: ops.flatMap((o) => (o.op === 'office' ? [o.name] : [])),
      aliases: ops.flatMap((o) => (o.op === 'alias' ? [{ alias: o.alias, office: reg.get(o.id)?.name ?? null }] : [])),
      folders: folders.map((f) => ({ path: f.path, from: f.from, to: f.to })),
    });
  });
  return storedRegistry(ws);
}

/** Look-alike offices a person may want to merge (never merged without asking). */
function proposals(reg: OfficeRegistry): OfficeProposalJson[] {
  const out: OfficeProposalJson[] = [];
  const offices = reg.entries.filter((e) => e.kind === 'office');
  for (let i = 0; i < offices.length; i++) {
    for (let j = i + 1; j < offices.length; j++) {
      const a = offices[i] as Entry;
      const b = offices[j] as Entry;
      const same = looksSame(a.name, b.name);
      if (!same) continue;
      const [from, into] = same.keep === 'a' ? [b, a] : [a, b];
      out.push({ office: from.name, into: into.name, reason: same.reason });
    }
  }
  return out.sort((x, y) => vietnameseCollator.compare(x.office, y.office));
}

function json(ws: Workspace, reg: OfficeRegistry): OfficesJson {
  const responsible = new Map<string, number>();
  for (const c of ws.pack().criteria) {
    const seen = new Set<string>();
    for (const n of namesIn(c.responsible)) for (const o of reg.resolve(n)) seen.add(o);
    for (const o of seen) responsible.set(o, (responsible.get(o) ?? 0) + 1);
  }
  const roots = ws.reader.roots.list();
  const offices: OfficeJson[] = reg.entries
    .map((e) => ({
      id: e.id,
      name: e.name,
      kind: e.kind,
      aliases: e.aliases.map((a) => a.alias).sort(vietnameseCollator.compare),
      members: e.members.map((id) => reg.get(id)?.name).filter((n): n is string => n !== undefined).sort(vietnameseCollator.compare),
      folders: roots.filter((r) => r.office !== null && reg.find(r.office) === e).map((r) => r.path),
      criteria: responsible.get(e.name) ?? 0,
    }))
    .sort((a, b) => (a.kind === b.kind ? vietnameseCollator.compare(a.name, b.name) : a.kind === 'office' ? -1 : 1));
  return { offices, proposals: proposals(reg) };
}

/** `offices:list`: the registry (seeded with the names it does not know yet) and merge proposals. */
export function listOffices(ws: Workspace): OfficesJson {
  return json(ws, syncRegistry(ws));
}

function known(reg: OfficeRegistry, name: string): Entry {
  const e = reg.find(name);
  if (!e) {
    throw new UserError(`there is no office '${name}' in the registry (see: kiemchung offices list WS).`, { kind: 'offices.unknown', params: { name } });
  }
  return e;
}

function freeName(reg: OfficeRegistry, name: string, self: Entry | null): { name: string; key: string } {
  const clean = cleanOfficeName(name);
  const key = officeKey(clean);
  if (!key) throw new UserError(`'${name}' is not an office name.`, { kind: 'offices.bad-name', params: { name } });
  const other = reg.find(clean);
  if (other && other !== self) {
    throw new UserError(`'${name.trim()}' already names the office '${other.name}'; merge them instead (kiemchung offices merge WS …).`, { kind: 'offices.exists', params: { name: name.trim(), other: other.name } });
  }
  return { name: clean, key };
}

function edit(ws: Workspace, fn: (reg: OfficeRegistry) => void): OfficesJson {
  const reg = syncRegistry(ws);
  ws.writer.transaction(() => fn(reg));
  return json(ws, storedRegistry(ws));
}

/** Adds an office (or a group of offices) by hand. */
export function addOffice(ws: Workspace, name: string, kind: OfficeKind = 'office'): OfficesJson {
  return edit(ws, (reg) => {
    const n = freeName(reg, name, null);
    ws.writer.offices.add(n.name, n.key, kind);
    record(ws, 'offices:add', { name: n.name, kind });
  });
}

/** A new display name; the old one stays an alias, so the pack's cells still name the office. */
export function renameOffice(ws: Workspace, office: string, newName: string): OfficesJson {
  return edit(ws, (reg) => {
    const e = known(reg, office);
    const n = freeName(reg, newName, e);
    if (n.name === e.name) return;
    const alias = e.aliases.find((a) => a.key === n.key);
    if (alias) ws.writer.officeAliases.delete(alias.key);
    ws.writer.offices.rename(e.id, n.name, n.key);
    if (e.key !== n.key) ws.writer.officeAliases.add(e.key, e.name, e.id, 'user');
    ws.writer.roots.renameOffice(e.name, n.name);
    record(ws, 'offices:rename', { from: e.name, to: n.name });
  });
}

/** `office` becomes an alias of `into`, with its aliases, memberships and folders. */
export function mergeOffices(ws: Workspace, office: string, into: string): OfficesJson {
  return edit(ws, (reg) => {
    const from = known(reg, office);
    const to = known(reg, into);
    if (from === to) throw new UserError(`'${office}' and '${into}' are already the same office '${to.name}'.`, { kind: 'offices.same', params: { name: office, other: into } });
    if (from.kind !== to.kind) {
      throw new UserError(`'${from.name}' is ${from.kind === 'group' ? 'a group' : 'an office'} and '${to.name}' is ${to.kind === 'group' ? 'a group' : 'an office'}; only offices merge with offices and groups with groups.`, { kind: 'offices.kind-mismatch', params: { name: from.name, other: to.name } });
    }
    ws.writer.officeAliases.move(from.id, to.id);
    ws.writer.officeMembers.move(from.id, to.id);
    if (from.kind === 'group') ws.writer.officeMembers.set(to.id, [...new Set([...to.members, ...from.members])]);
    ws.writer.offices.delete(from.id);
    ws.writer.officeAliases.add(from.key, from.name, to.id, 'user');
    ws.writer.roots.renameOffice(from.name, to.name);
    record(ws, 'offices:merge', { from: from.name, into: to.name });
  });
}

/** Another spelling of an office ("Văn phòng" for "Văn phòng Sở"); `remove` takes one away. */
export function setAlias(ws: Workspace, office: string, alias: string, remove = false): OfficesJson {
  return edit(ws, (reg) => {
    const e = known(reg, office);
    const clean = cleanOfficeName(alias);
    const key = officeKey(clean);
    if (remove) {
      const a = e.aliases.find((x) => x.key === key);
      if (!a) throw new UserError(`'${alias}' is not an alias of '${e.name}' (its aliases: ${e.aliases.map((x) => x.alias).join(', ') || 'none'}).`, { kind: 'offices.not-an-alias', params: { name: alias, other: e.name } });
      ws.writer.officeAliases.delete(a.key);
      record(ws, 'offices:unalias', { office: e.name, alias: a.alias });
      return;
    }
    const other = reg.find(clean);
    if (other === e) return;
    if (other && other.key === key) {
      throw new UserError(`'${clean}' is an office of its own; merge it into '${e.name}' instead (kiemchung offices merge WS "${clean}" "${e.name}").`, { kind: 'offices.exists', params: { name: clean, other: other.name } });
    }
    if (other) ws.writer.officeAliases.delete(key);
    const n = freeName(new OfficeRegistry([]), clean, null);
    ws.writer.officeAliases.add(n.key, n.name, e.id, 'user');
    record(ws, 'offices:alias', { office: e.name, alias: n.name, ...(other ? { was: other.name } : {}) });
  });
}

/** The offices a group expands to. */
export function setMembers(ws: Workspace, group: string, members: readonly string[]): OfficesJson {
  return edit(ws, (reg) => {
    const g = known(reg, group);
    if (g.kind !== 'group') throw new UserError(`'${g.name}' is an office, not a group of offices.`, { kind: 'offices.not-a-group', params: { name: g.name } });
    const ids = members.map((m) => {
      const e = known(reg, m);
      if (e.kind !== 'office') throw new UserError(`'${e.name}' is a group; a group's members are offices.`, { kind: 'offices.kind-mismatch', params: { name: e.name, other: g.name } });
      return e.id;
    });
    ws.writer.officeMembers.set(g.id, [...new Set(ids)]);
    record(ws, 'offices:members', { group: g.name, members: ids.map((id) => reg.get(id)?.name ?? null) });
  });
}

/** Removes an office nobody names any more (the pack and folders still naming it: merge it instead). */
export function removeOffice(ws: Workspace, office: string): OfficesJson {
  return edit(ws, (reg) => {
    const e = known(reg, office);
    const named = [...sourceNames(ws).keys()].filter((n) => reg.find(n) === e);
    if (named.length > 0) {
      throw new UserError(`'${e.name}' is still named by the pack or a folder (${named.join(', ')}); merge it into another office instead.`, { kind: 'offices.still-named', params: { name: e.name, other: named.join(', ') } });
    }
    ws.writer.offices.delete(e.id);
    record(ws, 'offices:remove', { name: e.name });
  });
}

/** The office an evidence folder belongs to (a registry name), or none. */
export function setFolderOffice(ws: Workspace, dir: string, office: string | null): OfficesJson {
  return edit(ws, (reg) => {
    const abs = path.resolve(dir);
    let real = abs;
    try {
      real = fs.realpathSync(abs);
    } catch {
      // a folder that is offline right now keeps its recorded path
    }
    const root = ws.reader.roots.list().find((r) => r.path === abs || r.path === real);
    if (!root) throw new UserError(`${abs} is not an evidence folder of this workspace (see: kiemchung folder list).`, { kind: 'folder.not-an-evidence-folder', params: { path: abs } });
    const name = office === null || office.trim() === '' ? null : known(reg, office).name;
    ws.writer.roots.setOffice(root.id, name);
    record(ws, 'offices:folder', { path: root.path, from: root.office, to: name });
  });
}
