// Whether a workspace folder sits on a network share (SMB/CIFS, NFS, …). SQLite's WAL needs a
// shared-memory index that every process maps from the same machine; on a network file system two
// PCs would each keep their own, and the database breaks. There the database uses the rollback
// journal (journal_mode=DELETE), which only needs the file locks a share provides.
//
// Linux: the folder's mount is the longest mount point of /proc/mounts that contains it, its type
// says whether it is remote (statfs's magic number says it too, when /proc/mounts cannot be read).
// Windows: a UNC path (\\server\share\…, \\?\UNC\server\share\…). A mapped drive letter is not
// detected here (it needs a Windows call); the app's docs advise a local folder.
import fs from 'node:fs';
import path from 'node:path';

export interface NetworkShare {
  /** The file system type ("cifs", "nfs4", "smb" for a UNC path). */
  fsType: string;
  /** Where the share is mounted ("/mnt/phong-tccb", "\\\\server\\share"). */
  mountPoint: string;
}

/** File system types that live on another machine. */
const NETWORK_TYPES = new Set([
  'cifs',
  'smb',
  'smb2',
  'smb3',
  'smbfs',
  'nfs',
  'nfs4',
  'afs',
  'afpfs',
  'ncpfs',
  'ceph',
  'glusterfs',
  'lustre',
  'gpfs',
  'ocfs2',
  'gfs2',
  '9p',
  'davfs',
  'fuse.sshfs',
  'fuse.glusterfs',
  'fuse.cephfs',
  'fuse.rclone',
  'fuse.davfs2',
]);

/** statfs f_type magic numbers of network file systems (linux/magic.h). */
const NETWORK_MAGIC = new Map<number, string>([
  [0x6969, 'nfs'],
  [0x517b, 'smbfs'],
  [0xff534d42, 'cifs'],
  [0xfe534d42, 'smb2'],
  [0x5346414f, 'afs'],
  [0x00c36400, 'ceph'],
  [0x01021997, '9p'],
]);

export function isNetworkType(fsType: string): boolean {
  return NETWORK_TYPES.has(fsType.toLowerCase());
}

export interface MountEntry {
  device: string;
  mountPoint: string;
  fsType: string;
}

/** /proc/mounts (or /proc/self/mounts): "device mountpoint type options 0 0", spaces as \040. */
export function parseMounts(text: string): MountEntry[] {
  const unescape = (s: string): string => s.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)));
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const [device, mountPoint, fsType] = line.trim().split(/\s+/);
    if (!device || !mountPoint || !fsType) continue;
    out.push({ device: unescape(device), mountPoint: unescape(mountPoint), fsType });
  }
  return out;
}

function inside(dir: string, mountPoint: string): boolean {
  if (mountPoint === '/') return dir.startsWith('/');
  return dir === mountPoint || dir.startsWith(`${mountPoint}/`);
}

/** The network share holding `dir` by the mount table (the longest mount point containing it wins). */
export function shareFromMounts(dir: string, mounts: readonly MountEntry[]): NetworkShare | null {
  let best: MountEntry | null = null;
  for (const m of mounts) if (inside(dir, m.mountPoint) && (!best || m.mountPoint.length >= best.mountPoint.length)) best = m;
  return best && isNetworkType(best.fsType) ? { fsType: best.fsType, mountPoint: best.mountPoint } : null;
}

/** A Windows UNC path's share ("\\\\server\\share"), or null for a drive path. */
export function shareFromUnc(p: string): NetworkShare | null {
  const m = /^(?:\\\\|\/\/)(?:[?.][\\/]UNC[\\/])?([^\\/?]+)[\\/]+([^\\/]+)/i.exec(p);
  if (!m || m[1] === '?' || m[1] === '.') return null;
  return { fsType: 'smb', mountPoint: `\\\\${m[1]}\\${m[2]}` };
}

/** The network share `dir` sits on, or null when it is local (or cannot be told). */
export function networkShareOf(dir: string, platform: NodeJS.Platform = process.platform): NetworkShare | null {
  if (platform === 'win32') return shareFromUnc(dir);
  let real = path.resolve(dir);
  try {
    real = fs.realpathSync(real);
  } catch {
    // Not there yet (a workspace being created): its parent decides.
    try {
      real = path.join(fs.realpathSync(path.dirname(real)), path.basename(real));
    } catch {
      // Keep the resolved path.
    }
  }
  // Other systems (macOS): not detected here; their statfs numbers are not Linux's.
  if (platform !== 'linux') return null;
  try {
    return shareFromMounts(real, parseMounts(fs.readFileSync('/proc/self/mounts', 'utf8')));
  } catch {
    // No /proc: ask statfs.
  }
  try {
    const type = fs.statfsSync(fs.existsSync(real) ? real : path.dirname(real)).type;
    const name = NETWORK_MAGIC.get(type >>> 0);
    return name ? { fsType: name, mountPoint: real } : null;
  } catch {
    return null;
  }
}
