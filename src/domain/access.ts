/**
 * Who may do what (issue 4 §1): the one access module. Every route names an `Action`; `authorize` decides
 * from the caller's principal and, where the action concerns one entity, authority or check context, from
 * that scope. Nothing else in the code base grants or refuses access.
 *
 * Anonymous callers read only public data. Refusals say why, in words an integrator can act on, and never
 * carry data: a caller without a key gets 401, a caller whose key does not reach the subject gets 403.
 */
import { DomainError } from './errors.js';
import { MEASURE_CONTEXTS } from './policy/vocabulary.js';
import type { NodeId } from './taxonomy.js';

const isContext = (c: string): boolean => (MEASURE_CONTEXTS as readonly string[]).includes(c);

export const ROLES = ['entity', 'officer', 'policy-admin', 'service', 'partner'] as const;
export type Role = (typeof ROLES)[number];

/** What an officer may do beyond reading: record decisions, review objections and repair applications. */
export const OFFICER_DUTIES = ['recorder', 'reviewer'] as const;
export type OfficerDuty = (typeof OFFICER_DUTIES)[number];

export type Principal =
  | { readonly role: 'anonymous' }
  | { readonly role: 'entity'; readonly keyId: string; readonly entityId: string }
  | { readonly role: 'officer'; readonly keyId: string; readonly authority: string; readonly duties: readonly OfficerDuty[] }
  | { readonly role: 'policy-admin'; readonly keyId: string }
  | { readonly role: 'service'; readonly keyId: string; readonly contexts: readonly string[] }
  | { readonly role: 'partner'; readonly keyId: string; readonly node: NodeId };

export const ANONYMOUS: Principal = Object.freeze({ role: 'anonymous' });

/** What a route does, as far as access is concerned. */
export type Action =
  /** The register, reports, search and matching: public data. */
  | 'public.read'
  /** Opening a browser session with a key, and asking who the key belongs to. */
  | 'session.open'
  | 'checks.run'
  | 'records.create'
  | 'records.amend'
  | 'me.read'
  | 'me.write'
  | 'objections.file'
  | 'objections.read'
  | 'objections.decide'
  | 'repairs.apply'
  | 'repairs.read'
  | 'repairs.decide'
  | 'queues.read'
  | 'statements.write'
  | 'policy.simulate'
  | 'policy.activate'
  | 'watches.manage'
  | 'exchange.pull';

/** The subject an action concerns, when it concerns one. */
export interface Scope {
  /** The entity the data belongs to. */
  readonly entityId?: string;
  /** The authority that issued the record or decides the list entry. */
  readonly authority?: string;
  /** A check context. */
  readonly context?: string;
}

type Rule = (principal: Principal, scope: Scope) => Refusal | undefined;

export interface Refusal {
  /** 401: no or unusable credentials; 403: credentials that do not reach this. */
  readonly status: 401 | 403;
  readonly reason: string;
}

const anyone: Rule = () => undefined;

function roles(...allowed: Principal['role'][]): Rule {
  return (p) => (allowed.includes(p.role) ? undefined : refuse(p, `needs a ${allowed.join(' or ')} key`));
}

function both(...rules: Rule[]): Rule {
  return (p, s) => {
    for (const rule of rules) {
      const refusal = rule(p, s);
      if (refusal) return refusal;
    }
    return undefined;
  };
}

function refuse(p: Principal, reason: string): Refusal {
  return p.role === 'anonymous' ? { status: 401, reason: `${reason}; send it as "Authorization: Bearer <key>"` } : { status: 403, reason };
}

/** An entity key reaches only its own entity. */
const ownEntity: Rule = (p, s) =>
  p.role === 'entity' && s.entityId !== undefined && s.entityId !== p.entityId ? refuse(p, 'an entity key reaches only its own entity') : undefined;

/** An officer reaches only what their own authority issued or decides. */
const ownAuthority: Rule = (p, s) =>
  p.role === 'officer' && s.authority !== undefined && s.authority !== p.authority
    ? refuse(p, `an officer of ${p.authority} reaches only what ${p.authority} issued or decides`)
    : undefined;

function duty(d: OfficerDuty): Rule {
  return (p) => (p.role === 'officer' && !p.duties.includes(d) ? refuse(p, `needs an officer key with the ${d} duty`) : undefined);
}

/** A service key is limited to the check contexts it names (an unknown context is a bad request, not a refusal). */
const ownContext: Rule = (p, s) =>
  p.role === 'service' && s.context !== undefined && isContext(s.context) && !p.contexts.includes(s.context)
    ? refuse(p, `this service key may check only ${p.contexts.join(', ')}`)
    : undefined;

/** The table: for each action, who may do it. */
const RULES: Record<Action, Rule> = {
  'public.read': anyone,
  'session.open': roles(...ROLES),
  'checks.run': both(roles('service', 'officer', 'policy-admin'), ownContext),
  'records.create': both(roles('officer'), duty('recorder'), ownAuthority),
  'records.amend': both(roles('officer'), duty('recorder'), ownAuthority),
  'me.read': roles('entity'),
  'me.write': roles('entity'),
  'objections.file': both(roles('entity'), ownEntity),
  'objections.read': both(roles('entity', 'officer'), ownEntity, ownAuthority),
  'objections.decide': both(roles('officer'), duty('reviewer'), ownAuthority),
  'repairs.apply': both(roles('entity'), ownEntity),
  'repairs.read': both(roles('entity', 'officer'), ownEntity, ownAuthority),
  'repairs.decide': both(roles('officer'), duty('reviewer'), ownAuthority),
  'queues.read': both(roles('officer'), duty('reviewer')),
  'statements.write': both(roles('entity'), ownEntity),
  'policy.simulate': roles('policy-admin'),
  'policy.activate': roles('policy-admin'),
  'watches.manage': roles('service'),
  'exchange.pull': roles('partner'),
};

/** Undefined when `principal` may do `action` on `scope`; otherwise the refusal. */
export function authorize(principal: Principal, action: Action, scope: Scope = {}): Refusal | undefined {
  return RULES[action](principal, scope);
}

/** Throws UNAUTHENTICATED or FORBIDDEN unless `principal` may do `action` on `scope`. */
export function requireAccess(principal: Principal, action: Action, scope: Scope = {}): void {
  const refusal = authorize(principal, action, scope);
  if (refusal) throw new DomainError(refusal.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', refusal.reason);
}

/** The actor as the audit log names it: `key:<id>` (role) or `anonymous`. */
export function actorOf(principal: Principal): string {
  return principal.role === 'anonymous' ? 'anonymous' : `key:${principal.keyId}`;
}
