// The recent-workspaces list of the start screen ($KIEMCHUNG_HOME/recent.json). Only the app's
// sessions keep it; the CLI opens a workspace per command and leaves the list alone.
import fs from 'node:fs';
import path from 'node:path';
import type { RecentWorkspace } from '../../shared/api.js';
import type { Workspace } from '../engine/workspace/workspace.js';

const RECENT_MAX = 8;

// The pack library module pulls in the spreadsheet reader; load it only when the list is used.
async function recentFile(): Promise<string> {
  const { appDataDir } = await import('../engine/packs/library.js');
  return path.join(appDataDir(), 'recent.json');
}

export async function readRecent(): Promise<RecentWorkspace[]> {
  try {
    const raw = JSON.parse(fs.readFileSync(await recentFile(), 'utf8')) as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (r): r is RecentWorkspace => typeof r === 'object' && r !== null && typeof (r as RecentWorkspace).dir === 'string' && typeof (r as RecentWorkspace).name === 'string',
    );
  } catch {
    return []; // no list yet, or unreadable: the start screen simply shows none
  }
}

/** Puts the workspace first in the list (atomically: a crash leaves the old list). */
export async function rememberRecent(ws: Workspace): Promise<void> {
  const file = await recentFile();
  const entry: RecentWorkspace = { dir: ws.dir, name: ws.settings().unit ?? path.basename(ws.dir), openedAt: new Date().toISOString() };
  const list = [entry, ...(await readRecent()).filter((r) => r.dir !== ws.dir)].slice(0, RECENT_MAX);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(list, null, 2));
  fs.renameSync(tmp, file);
}
