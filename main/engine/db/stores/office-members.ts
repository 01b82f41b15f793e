// The `office_members` table: the offices a group of the registry expands to ("Các phòng chuyên
// môn" → Phòng TCCB HC, Phòng KHTC, …).
import type { Db } from '../database.js';

export interface OfficeMemberRow {
  groupId: number;
  officeId: number;
}

export interface OfficeMembersReader {
  list(): OfficeMemberRow[];
}

export interface OfficeMembersWriter {
  /** The group's members become exactly `officeIds`. */
  set(groupId: number, officeIds: readonly number[]): void;
  /** Groups that had `fromId` as a member have `toId` instead (a merge). */
  move(fromId: number, toId: number): void;
}

export function officeMembersStore(db: Db): { reader: OfficeMembersReader; writer: OfficeMembersWriter } {
  const list = db.prepare('SELECT group_id, office_id FROM office_members ORDER BY group_id, office_id');
  const clear = db.prepare('DELETE FROM office_members WHERE group_id = ?');
  const add = db.prepare('INSERT OR IGNORE INTO office_members(group_id, office_id) VALUES (?, ?)');
  const moveIn = db.prepare('INSERT OR IGNORE INTO office_members(group_id, office_id) SELECT group_id, ? FROM office_members WHERE office_id = ?');
  const moveOut = db.prepare('DELETE FROM office_members WHERE office_id = ?');
  return {
    reader: { list: () => (list.all() as { group_id: number; office_id: number }[]).map((r) => ({ groupId: r.group_id, officeId: r.office_id })) },
    writer: {
      set: (groupId, officeIds) => {
        clear.run(groupId);
        for (const id of officeIds) add.run(groupId, id);
      },
      move: (fromId, toId) => {
        moveIn.run(toId, fromId);
        moveOut.run(fromId);
      },
    },
  };
}
