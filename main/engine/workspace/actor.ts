// Who acts, for history entries (reviews, corrections, pack edits, the office registry):
// $KIEMCHUNG_USER or the operating-system user.
import os from 'node:os';

export function defaultActor(): string {
  const fromEnv = process.env.KIEMCHUNG_USER?.trim();
  if (fromEnv) return fromEnv;
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
