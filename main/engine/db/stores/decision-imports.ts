// The `decision_imports` table: each decisions file the unit imported from the Sở Nội vụ.
import type { Db } from '../database.js';

export interface DecisionImportRow {
  file: string;
  file_sha256: string;
  bundle_sha256: string;
  rounds: number;
  exported_at: string | null;
  imported_at: string;
}

export interface DecisionImportsReader {
  last(): DecisionImportRow | undefined;
}

export interface DecisionImportsWriter {
  add(row: DecisionImportRow): void;
}

export function decisionImportsStore(db: Db): { reader: DecisionImportsReader; writer: DecisionImportsWriter } {
  const last = db.prepare('SELECT file, file_sha256, bundle_sha256, rounds, exported_at, imported_at FROM decision_imports ORDER BY id DESC LIMIT 1');
  const add = db.prepare('INSERT INTO decision_imports(file, file_sha256, bundle_sha256, rounds, exported_at, imported_at) VALUES (@file, @file_sha256, @bundle_sha256, @rounds, @exported_at, @imported_at)');
  return {
    reader: { last: () => last.get() as DecisionImportRow | undefined },
    writer: { add: (row) => void add.run(row) },
  };
}
