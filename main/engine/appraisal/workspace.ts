// The appraisal workspace (the Sở Nội vụ side, issue 15): a folder holding its own SQLite file
// (kiemchung-thamdinh.db, kind "appraisal" in its settings) with the facts of the bundles opened
// in it, round after round, and the appraiser's scores, decisions and requests. It never holds a
// unit's evidence folders; the unit's commands refuse it (workspace/workspace.ts).
import fs from 'node:fs';
import path from 'node:path';
import { AppraisalData, type AppraisalReader, type AppraisalWriter } from '../db/data.js';
import { openDatabase } from '../db/database.js';
import { UserError } from '../errors.js';
import { checkNewWorkspaceFolder } from '../workspace/location.js';
import { APPRAISAL_DB_FILE, DB_FILE } from '../workspace/workspace.js';

export const APPRAISAL_KIND = 'appraisal';

export class AppraisalWorkspace {
  readonly reader: AppraisalReader;
  readonly writer: AppraisalWriter;

  private constructor(
    readonly dir: string,
    private readonly data: AppraisalData,
  ) {
    this.reader = data.reader;
    this.writer = data.writer;
  }

  static exists(dir: string): boolean {
    return fs.existsSync(path.join(path.resolve(dir), APPRAISAL_DB_FILE));
  }

  static open(dir: string): AppraisalWorkspace {
    const abs = path.resolve(dir);
    const file = path.join(abs, APPRAISAL_DB_FILE);
    if (!fs.existsSync(file)) {
      if (fs.existsSync(path.join(abs, DB_FILE))) {
        throw new UserError(`${abs} is a unit's workspace, not an appraisal workspace: open a received bundle into a folder of its own with kiemchung appraisal open BUNDLE.zip FOLDER.`, { kind: 'appraisal.is-unit-workspace', params: { path: abs } });
      }
      throw new UserError(`${abs} is not an appraisal workspace (no ${APPRAISAL_DB_FILE} in it); create one with kiemchung appraisal open BUNDLE.zip ${dir}.`, { kind: 'appraisal.not-a-workspace', params: { path: abs } });
    }
    const aws = new AppraisalWorkspace(abs, new AppraisalData(openDatabase(file)));
    const kind = aws.reader.settings.values()['kind'];
    if (kind !== APPRAISAL_KIND) {
      aws.close();
      throw new UserError(`${file} is not an appraisal database (kind ${JSON.stringify(kind ?? null)}).`, { kind: 'appraisal.not-a-workspace', params: { path: abs } });
    }
    return aws;
  }

  static create(dir: string): AppraisalWorkspace {
    const abs = path.resolve(dir);
    if (fs.existsSync(path.join(abs, DB_FILE))) {
      throw new UserError(`${abs} is a unit's workspace; an appraisal workspace needs a folder of its own.`, { kind: 'appraisal.is-unit-workspace', params: { path: abs } });
    }
    checkNewWorkspaceFolder(abs);
    if (!fs.existsSync(abs)) fs.mkdirSync(abs);
    const aws = new AppraisalWorkspace(abs, new AppraisalData(openDatabase(path.join(abs, APPRAISAL_DB_FILE))));
    aws.writer.settings.set('kind', APPRAISAL_KIND);
    return aws;
  }

  close(): void {
    this.data.close();
  }
}

/** Runs `fn` on the appraisal workspace in `dir`, closing it afterwards. */
export async function withAppraisal<T>(dir: string, fn: (aws: AppraisalWorkspace) => T | Promise<T>): Promise<T> {
  const aws = AppraisalWorkspace.open(dir);
  try {
    return await fn(aws);
  } finally {
    aws.close();
  }
}
