// The handler registry refuses, at start-up, any map that would shadow or miss a call.
import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/api.js';
import { DOMAINS, registry } from '../../main/api/handlers.js';
import { buildRegistry, type DomainMap } from '../../main/api/registry.js';
import { statusDomain } from '../../main/api/status.js';

describe('API handler registry', () => {
  it('has exactly one handler per call of shared/api.ts', () => {
    expect([...registry.keys()].sort()).toEqual([...CALL_NAMES].sort());
  });

  it('a name registered twice fails', () => {
    expect(() => buildRegistry([...DOMAINS, statusDomain])).toThrow(/'status:get' is registered twice/);
  });

  it('a call without a handler fails', () => {
    expect(() => buildRegistry(DOMAINS.filter((d) => d !== statusDomain))).toThrow(/without a handler: status:get/);
  });

  it('a handler outside its domain, or not in the contract, fails', () => {
    const stray: DomainMap = { domain: 'docs', handlers: { 'status:get': () => null } };
    expect(() => buildRegistry([stray])).toThrow(/belongs in main\/api\/status\.ts/);
    const unknown: DomainMap = { domain: 'docs', handlers: { 'docs:frobnicate': () => null } };
    expect(() => buildRegistry([unknown])).toThrow(/not a call of shared\/api\.ts/);
  });
});
