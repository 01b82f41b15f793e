// The `reviews` table: a reviewer's decision on one content (sha256) for one criterion. Read
// together with links (links.ts: withReviews).
import type { ReviewStatus } from '../../../../shared/types.js';
import type { Db } from '../database.js';

export interface ReviewsWriter {
  set(sha256: string, code: string, status: Exclude<ReviewStatus, 'pending'>, note: string | null): void;
}

export function reviewsStore(db: Db): { writer: ReviewsWriter } {
  const set = db.prepare(
    `INSERT INTO reviews(sha256, criterion_code, status, note, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(sha256, criterion_code) DO UPDATE SET status = excluded.status, note = excluded.note, at = excluded.at`,
  );
  return { writer: { set: (sha256, code, status, note) => void set.run(sha256, code, status, note, new Date().toISOString()) } };
}
