// Errors meant for the user: the message is complete, in plain words, and names the path or
// value at fault. Anything else escaping the engine is a bug and is reported as such.
//
// A UserError may also carry the fact behind the message as `{kind, params}`: the app words it
// from its catalogue (Vietnamese first) instead of showing the engine's English sentence, and the
// CLI may keep printing the message.
export interface UserFact {
  kind: string;
  params: Record<string, string | number>;
}

export class UserError extends Error {
  constructor(
    message: string,
    readonly fact: UserFact | null = null,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
