// Argument parsing shared by the commands: node:util parseArgs, with usage errors that end the
// process with exit code 2 (CONTRACTS.md §1).
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parse(argv: string[], options: Options, positionals: { min: number; max: number; usage: string }): Parsed {
  let result;
  try {
    result = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\nusage: ${positionals.usage}`);
  }
  const count = result.positionals.length;
  if (count < positionals.min || count > positionals.max) {
    throw new UsageError(`expected ${describeCount(positionals)} argument(s), got ${count}\nusage: ${positionals.usage}`);
  }
  return { values: result.values as Parsed['values'], positionals: result.positionals };
}

function describeCount(p: { min: number; max: number }): string {
  return p.min === p.max ? String(p.min) : `${p.min} to ${p.max}`;
}

export function stringOption(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(p: Parsed, name: string): boolean {
  return p.values[name] === true;
}

export function positional(p: Parsed, i: number): string {
  const v = p.positionals[i];
  if (v === undefined) throw new UsageError(`missing argument ${i + 1}`);
  return v;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
