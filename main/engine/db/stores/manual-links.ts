// The `manual_links` table: what a person decided by hand, keyed by the file's sha256 and the
// criterion code ('assign' adds a link, 'unassign' removes one for good).
import type { Db } from '../database.js';

export interface ManualLink {
  sha256: string;
  criterion_code: string;
  action: 'assign' | 'unassign';
}

export interface ManualLinksReader {
  all(): ManualLink[];
}

export interface ManualLinksWriter {
  set(sha256: string, code: string, action: 'assign' | 'unassign'): void;
}

export function manualLinksStore(db: Db): { reader: ManualLinksReader; writer: ManualLinksWriter } {
  const all = db.prepare('SELECT sha256, criterion_code, action FROM manual_links');
  const set = db.prepare(
    `INSERT INTO manual_links(sha256, criterion_code, action, at) VALUES (?, ?, ?, ?)
     ON CONFLICT(sha256, criterion_code) DO UPDATE SET action = excluded.action, at = excluded.at`,
  );
  return {
    reader: { all: () => all.all() as ManualLink[] },
    writer: { set: (sha256, code, action) => void set.run(sha256, code, action, new Date().toISOString()) },
  };
}
