// A workspace on a network share (SMB/CIFS, NFS) does not use WAL: the detection on real
// /proc/mounts text and UNC paths, and the journal mode a real SQLite file gets either way.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/engine/db/database.js';
import { networkShareOf, parseMounts, shareFromMounts, shareFromUnc } from '../../main/engine/db/network-share.js';
import { tempDir } from '../helpers/corpus.js';

// As a Linux office PC shows it: the local disk, a Windows share mounted with cifs (a space in its
// mount point is \040), an NFS home, a USB stick, sshfs, and a tmpfs inside the share.
const MOUNTS = `
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
//may-chu/Tai\\040lieu /mnt/Tai\\040lieu cifs rw,relatime,vers=3.1.1,cache=strict,username=vanthu 0 0
nas.soyte.local:/export/home /home/nas nfs4 rw,relatime,vers=4.2,rsize=1048576 0 0
/dev/sdb1 /media/vanthu/USB vfat rw,nosuid,nodev,relatime,uid=1000 0 0
vanthu@may-chu:/srv /mnt/ssh fuse.sshfs rw,nosuid,nodev,relatime 0 0
tmpfs /mnt/Tai\\040lieu/cache tmpfs rw,relatime 0 0
`;

describe('network share detection', () => {
  const mounts = parseMounts(MOUNTS);

  it('parses /proc/mounts, unescaping \\040', () => {
    expect(mounts).toHaveLength(7);
    expect(mounts[2]).toEqual({ device: '//may-chu/Tai lieu', mountPoint: '/mnt/Tai lieu', fsType: 'cifs' });
  });

  it('the longest mount point containing the folder decides', () => {
    expect(shareFromMounts('/mnt/Tai lieu/Bo ho so 2023', mounts)).toEqual({ fsType: 'cifs', mountPoint: '/mnt/Tai lieu' });
    expect(shareFromMounts('/home/nas/vanthu/kiemchung', mounts)).toEqual({ fsType: 'nfs4', mountPoint: '/home/nas' });
    expect(shareFromMounts('/mnt/ssh/ws', mounts)).toEqual({ fsType: 'fuse.sshfs', mountPoint: '/mnt/ssh' });
    // Local: the root disk, a USB stick, a tmpfs mounted inside the share, a name that only starts like a mount point.
    expect(shareFromMounts('/home/vanthu/Tài liệu/ws', mounts)).toBeNull();
    expect(shareFromMounts('/media/vanthu/USB/ws', mounts)).toBeNull();
    expect(shareFromMounts('/mnt/Tai lieu/cache/ws', mounts)).toBeNull();
    expect(shareFromMounts('/home/nas2/ws', mounts)).toBeNull();
  });

  it('Windows: UNC paths are shares, drive paths are not', () => {
    expect(shareFromUnc('\\\\may-chu\\Tai lieu\\Bo ho so')).toEqual({ fsType: 'smb', mountPoint: '\\\\may-chu\\Tai lieu' });
    expect(shareFromUnc('\\\\?\\UNC\\may-chu\\share\\ws')).toEqual({ fsType: 'smb', mountPoint: '\\\\may-chu\\share' });
    expect(shareFromUnc('//may-chu/share/ws')).toEqual({ fsType: 'smb', mountPoint: '\\\\may-chu\\share' });
    expect(shareFromUnc('C:\\Users\\vanthu\\Documents\\ws')).toBeNull();
    expect(shareFromUnc('\\\\?\\C:\\Users\\ws')).toBeNull();
    expect(networkShareOf('\\\\may-chu\\share\\ws', 'win32')).toEqual({ fsType: 'smb', mountPoint: '\\\\may-chu\\share' });
    expect(networkShareOf('D:\\ws', 'win32')).toBeNull();
  });

  it('this machine: a temporary folder is local', () => {
    expect(networkShareOf(tempDir('share-local'))).toBeNull();
  });
});

describe('journal mode', () => {
  const mode = (file: string): string => {
    const db = new Database(file, { readonly: true });
    try {
      return String(db.pragma('journal_mode', { simple: true }));
    } finally {
      db.close();
    }
  };

  it('a local workspace database uses WAL', () => {
    const file = path.join(tempDir('journal-local'), 'kiemchung.db');
    openDatabase(file).close();
    expect(mode(file)).toBe('wal');
  });

  it('on a share it uses the rollback journal, also for a database made in WAL before; back home it is WAL again', () => {
    const file = path.join(tempDir('journal-share'), 'kiemchung.db');
    openDatabase(file).close();
    expect(mode(file)).toBe('wal');
    const share = { fsType: 'cifs', mountPoint: '/mnt/Tai lieu' };
    const db = openDatabase(file, { share });
    expect(String(db.pragma('journal_mode', { simple: true }))).toBe('delete');
    db.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1);');
    db.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(mode(file)).toBe('delete');
    openDatabase(file, { share: null }).close();
    expect(mode(file)).toBe('wal');
  });

  it('another program holding the WAL database open: refused with the reason in Vietnamese, not SQL text', () => {
    const file = path.join(tempDir('journal-busy'), 'kiemchung.db');
    openDatabase(file).close();
    const other = new Database(file);
    other.prepare('SELECT count(*) FROM sqlite_master').get();
    try {
      expect(() => openDatabase(file, { share: { fsType: 'nfs4', mountPoint: '/home/nas' } })).toThrow(/ổ mạng \(nfs4, \/home\/nas\).*WAL.*đang mở/);
    } finally {
      other.close();
    }
  });
});
