/**
 * The app's only back end: the Credence API on the same origin. Its types are the OpenAPI document's
 * (docs/openapi.json), generated into ./api-schema.ts by `npm run api-types`; the names the pages use are
 * aliases of them. Errors are RFC 9457 problem+json, raised as ApiError.
 */
import type { components, paths } from './api-schema.js';

type Schemas = components['schemas'];

/** An entity's name as every schema carrying names has it (search hits: value and script only). */
export interface Name {
  value: string;
  lang?: string;
  kind?: string;
  validFrom?: string;
  validTo?: string;
}

export interface Identifier {
  scheme: string;
  value: string;
}

export type SearchHit = Schemas['SearchHit'];
export type Citation = Schemas['Citation'];
export type Membership = Schemas['ListMembership'];
export type Rating = Schemas['RatingInForce'];
export type CreditReport = Schemas['CreditReport'];
/** A record of the public report: the register's record with its publication window, dispute and statement. */
export type ReportRecord = CreditReport['records'][number];
export type Verification = Schemas['ReportVerification'];

/** One field the API refused, as problem+json `errors` names it (`legalBasis.0.article`). */
export type FieldProblem = NonNullable<Schemas['Problem']['errors']>[number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super(message);
  }
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; title?: string; errors?: FieldProblem[] };
    throw new ApiError(response.status, problem.code, problem.detail ?? problem.title ?? response.statusText, problem.errors);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export async function searchEntities(q: string, signal: AbortSignal): Promise<SearchHit[]> {
  const { items } = await request<{ items: SearchHit[] }>(`/v1/entities?q=${encodeURIComponent(q)}&limit=20`, { signal });
  return items;
}

export function fetchReport(ref: string, signal: AbortSignal): Promise<CreditReport> {
  return request<CreditReport>(`/v1/entities/${encodeURIComponent(ref)}/report`, { signal });
}

export function signedReportUrl(ref: string): string {
  return `/v1/entities/${encodeURIComponent(ref)}/report.jws`;
}

export function verifyReport(jws: string): Promise<Verification> {
  return request<Verification>('/v1/reports/verify', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: jws.trim() });
}

// portal and console: sessions, the entity's own corner, due process and recording.

export type Principal = Schemas['Principal'];

/** A JSON request body sent with `method`; the answer parsed as `T`. */
function send<T>(method: string, url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  return request<T>(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export async function currentPrincipal(): Promise<Principal> {
  return (await request<{ principal: Principal }>('/v1/sessions/current')).principal;
}

/** Exchanges a key for the session cookie; the key itself is not kept. */
export async function openSession(key: string): Promise<Principal> {
  return (await request<{ principal: Principal }>('/v1/sessions', { method: 'POST', headers: { authorization: `Bearer ${key.trim()}` } })).principal;
}

export function closeSession(): Promise<void> {
  return request<void>('/v1/sessions/current', { method: 'DELETE' });
}

export type Entity = Schemas['Entity'];

export function fetchEntity(ref: string): Promise<Entity> {
  return request<Entity>(`/v1/entities/${encodeURIComponent(ref)}`);
}

/** A record as the register keeps it, whatever its status (GET /v1/records/{id}). */
export type RegisterRecord = Schemas['Record'];

export async function fetchEntityRecords(ref: string): Promise<RegisterRecord[]> {
  return (await request<{ items: RegisterRecord[] }>(`/v1/entities/${encodeURIComponent(ref)}/records?limit=500`)).items;
}

export function fetchRecord(id: number): Promise<RegisterRecord> {
  return request<RegisterRecord>(`/v1/records/${id}`);
}

export type Notice = Schemas['Notice'];

export async function fetchNotices(): Promise<Notice[]> {
  return (await request<{ items: Notice[] }>('/v1/me/notices?limit=100')).items;
}

export function markNoticeRead(id: number): Promise<Notice> {
  return request<Notice>(`/v1/me/notices/${id}/read`, { method: 'POST' });
}

export type AttachmentUpload = Schemas['AttachmentUpload'];
export type Objection = Schemas['Objection'];
export type RepairCondition = Schemas['RepairCondition'];
export type RepairApplication = Schemas['RepairApplication'];
export type RepairEligibility = Schemas['RepairEligibility'];

/** `record:<id>` or `list:<listId>` as the request body names it. */
export type SubjectRef = { record: number } | { list: string };

export async function myObjections(): Promise<Objection[]> {
  return (await request<{ items: Objection[] }>('/v1/me/objections')).items;
}

export async function myRepairs(): Promise<RepairApplication[]> {
  return (await request<{ items: RepairApplication[] }>('/v1/me/repairs')).items;
}

/** Files an objection; `idempotencyKey` makes a retry of the same submission return the first one. */
export function fileObjection(body: { subject: SubjectRef; grounds: string; attachments: AttachmentUpload[] }, idempotencyKey: string): Promise<Objection> {
  return send<Objection>('POST', '/v1/objections', body, { 'idempotency-key': idempotencyKey });
}

export function repairEligibility(subject: string): Promise<RepairEligibility> {
  return request<RepairEligibility>(`/v1/repairs/eligibility?subject=${encodeURIComponent(subject)}`);
}

export function applyForRepair(body: { subject: SubjectRef; commitment: string; attachments: AttachmentUpload[] }, idempotencyKey: string): Promise<RepairApplication> {
  return send<RepairApplication>('POST', '/v1/repairs', body, { 'idempotency-key': idempotencyKey });
}

export function writeStatement(recordId: number, text: string): Promise<Schemas['Statement']> {
  return send('PUT', `/v1/records/${recordId}/statement`, { text });
}

export async function objectionQueue(): Promise<Objection[]> {
  return (await request<{ items: Objection[] }>('/v1/queues/objections')).items;
}

export async function repairQueue(): Promise<RepairApplication[]> {
  return (await request<{ items: RepairApplication[] }>('/v1/queues/repairs')).items;
}

export function decideObjection(id: string, body: { outcome: 'upheld'; action: 'revoke' | 'correct'; reasons: string } | { outcome: 'rejected'; reasons: string }): Promise<Objection> {
  return send<Objection>('POST', `/v1/objections/${id}/decision`, body);
}

export function decideRepair(id: string, body: { outcome: 'granted' | 'refused'; reasons: string }): Promise<RepairApplication> {
  return send<RepairApplication>('POST', `/v1/repairs/${id}/decision`, body);
}

export function createRecord(body: Record<string, unknown>): Promise<RegisterRecord> {
  return send<RegisterRecord>('POST', '/v1/records', body);
}

export function correctRecord(id: number, body: Record<string, unknown>): Promise<{ corrected: RegisterRecord; record: RegisterRecord }> {
  return send('POST', `/v1/records/${id}/correction`, body);
}

export function revokeRecord(id: number, reason: string): Promise<RegisterRecord> {
  return send<RegisterRecord>('POST', `/v1/records/${id}/revocation`, { reason });
}

// simulation and transparency: policy simulation and activation (policy-admin), the public dashboard's figures.

export type SimulationReport = Schemas['SimulationReport'];
export type Decision = Schemas['CheckResult']['decision'];
export type Activation = paths['/v1/policy/activations']['post']['responses'][201]['content']['application/json'];

/** The active pack: its version and files, the starting point of a candidate. */
export type ActivePack = paths['/v1/policy/pack']['get']['responses'][200]['content']['application/json'];
/** The pack files by name (`pack.yaml`, `lists.yaml`, …), each parsed to JSON. */
export type PackFiles = ActivePack['files'];

export function fetchActivePack(): Promise<ActivePack> {
  return request<ActivePack>('/v1/policy/pack');
}

export function simulatePolicy(files: PackFiles): Promise<SimulationReport> {
  return send<SimulationReport>('POST', '/v1/policy/simulations', { files });
}

export function activatePolicy(files: PackFiles): Promise<Activation> {
  return send<Activation>('POST', '/v1/policy/activations', { files });
}

export type TransparencyReport = Schemas['TransparencyReport'];
export type ExchangeStatus = Schemas['ExchangeStatus'];

export function fetchTransparency(signal: AbortSignal): Promise<TransparencyReport> {
  return request<TransparencyReport>('/v1/transparency', { signal });
}

export function fetchExchangeStatus(signal: AbortSignal): Promise<ExchangeStatus> {
  return request<ExchangeStatus>('/v1/exchange/status', { signal });
}
