// Failures that cross the API with a kind the renderer maps to words; everything the engine throws
// is mapped here too, so no error reaches the UI as an unexplained stack.
import { ZodError } from 'zod';
import type { ApiError, ApiErrorKind } from '../../shared/api.js';
import { NewerSchemaError } from '../engine/db/database.js';
import { UserError } from '../engine/errors.js';

export class ApiFailure extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiFailure) return { kind: e.kind, message: e.message };
  if (e instanceof ZodError) {
    const first = e.issues[0];
    const where = first && first.path.length ? `${first.path.map(String).join('.')}: ` : '';
    return { kind: 'invalid-argument', message: `${where}${first?.message ?? 'invalid arguments'}` };
  }
  if (e instanceof UserError || e instanceof NewerSchemaError) return { kind: 'user', message: e.message };
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && typeof err.path === 'string') return { kind: 'user', message: `${err.path}: ${err.message}` };
  if (err?.name === 'AbortError') return { kind: 'cancelled', message: 'Cancelled.' };
  return { kind: 'internal', message: `Unexpected failure (please report it): ${err instanceof Error ? err.message : String(e)}` };
}
