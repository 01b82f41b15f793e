// kiemchung trust WS list|add FILE|remove SHA [--json]: the root certificates this workspace trusts
// (trust:*). Adding or removing one re-checks the chain of every signed document.
import type { TrustJson } from '../../../shared/trust.js';
import { UsageError, flag, parse, positional, printJson } from '../args.js';
import { fullPath, withApi, type CliApi } from '../api.js';

const USAGE = `usage: kiemchung trust WS list [--json]
       kiemchung trust WS add FILE.cer|FILE.pem|FILE.crt [--json]
       kiemchung trust WS remove SHA256 [--json]`;

function print(r: TrustJson, json: boolean, verb: string): void {
  if (json) {
    printJson(r);
    return;
  }
  if (verb === 'add') console.log(r.changedRoots.length > 0 ? `added ${r.changedRoots.length} trusted root(s)` : 'already trusted: nothing added');
  if (verb === 'remove') console.log(`removed ${r.changedRoots.join(', ')}`);
  if (r.recheck) {
    const c = r.recheck;
    console.log(`re-checked ${c.contents} signed file(s): ${c.changed} changed, ${c.trustedSignatures} signature(s) now trusted${c.unreadable ? `, ${c.unreadable} not readable as indexed (the next scan checks them)` : ''}`);
  }
  if (r.roots.length === 0) console.log('no trusted roots: every signature chain reads "unknown-root" (chưa xác minh được nguồn)');
  for (const root of r.roots) {
    console.log(`${root.sha256}\t${root.subject}\t${root.notBefore.slice(0, 10)} – ${root.notAfter.slice(0, 10)}${root.selfSigned ? '' : `\t(issued by ${root.issuer})`}`);
  }
}

export async function trustCommand(argv: string[]): Promise<void> {
  const p = parse(argv, { json: { type: 'boolean' } }, { min: 2, max: 3, usage: USAGE });
  const verb = positional(p, 1);
  const call = (api: CliApi): Promise<TrustJson> => {
    switch (verb) {
      case 'list':
        if (p.positionals.length !== 2) throw new UsageError(USAGE);
        return api.call('trust:list', {});
      case 'add':
        if (p.positionals.length !== 3) throw new UsageError(USAGE);
        return api.call('trust:add', { path: fullPath(positional(p, 2)) });
      case 'remove':
        if (p.positionals.length !== 3) throw new UsageError(USAGE);
        return api.call('trust:remove', { sha256: positional(p, 2) });
      default:
        throw new UsageError(USAGE);
    }
  };
  if (!['list', 'add', 'remove'].includes(verb)) throw new UsageError(USAGE);
  const r = await withApi(positional(p, 0), call);
  print(r, flag(p, 'json'), verb);
}
