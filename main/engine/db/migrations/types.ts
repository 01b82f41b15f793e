export interface Migration {
  /** The `PRAGMA user_version` this migration brings the database to. */
  version: number;
  name: string;
  /** SQL run inside one transaction together with the version bump. */
  up: string;
}
