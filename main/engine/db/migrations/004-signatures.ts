// Schema 4: each content's digital signatures as checked when its bytes were read (JSON list of
// SignatureJson: signer, organisation, time, digest verdict, bytes added after signing), and the
// analyzer version that wrote them (contents read by older code are re-read once by a rescan).
import type { Migration } from './types.js';

export const migration004: Migration = {
  version: 4,
  name: 'signatures',
  up: `
    ALTER TABLE contents ADD COLUMN signatures_json TEXT NOT NULL DEFAULT '[]';
  `,
};
