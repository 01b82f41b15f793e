// Errors meant for the user: the message is complete, in plain words, and names the path or
// value at fault. Anything else escaping the engine is a bug and is reported as such.
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
