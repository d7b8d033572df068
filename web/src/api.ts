/**
 * The app's only back end: the Credence API on the same origin. Types mirror the OpenAPI schemas the pages
 * use (SearchHit, CreditReport, ReportVerification); errors are RFC 9457 problem+json, raised as ApiError.
 */

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

export interface SearchHit {
  entity: { id: string; jurisdiction: string; names: Name[]; identifiers: Identifier[] };
  score: number;
  explanation: string[];
}

export interface Citation {
  instrument: string;
  article: string;
}

export interface Membership {
  listId: string;
  kind: string;
  state: 'pending' | 'active' | 'expired';
  triggeredOn: string;
  start: string;
  end?: string;
  authority: string;
  legalBasis: Citation[];
  remedies: {
    earlyRemovalFrom?: string;
    earlyRemovalConditions: string[];
    repairable: boolean;
    repairConditions: string[];
    objection?: { days: number; unit: 'calendar' | 'working' };
  };
  disputed: boolean;
}

export interface Rating {
  scheme: string;
  grade: string;
  originNode: string;
  since: string;
  until?: string;
}

export interface ReportRecord {
  id: number;
  sourceId: string;
  originNode: string;
  category: string;
  domain: string;
  severity: string | null;
  authority: string;
  decisionNo: string;
  decidedOn: string;
  legalBasis: Citation[];
  summary: string;
  status: string;
  publication: { regime: string; from: string; repairFrom: string; until: string } | null;
  disputed: boolean;
  statement: { text: string; updatedAt: string } | null;
}

export interface CreditReport {
  entity: {
    id: string;
    jurisdiction: string;
    originNode: string;
    legalForm: string | null;
    status: string;
    registeredOn: string | null;
    identifiers: Identifier[];
    names: Name[];
    relations: { kind: string; direction: 'outgoing' | 'incoming'; entity: { id: string; name: string | null } }[];
  };
  policyVersion: string;
  asOf: string;
  lists: Membership[];
  ratings: Rating[];
  records: ReportRecord[];
  disputed: boolean;
}

export type Verification =
  | { valid: true; issuer: string; subject: string; kid: string; issuedAt: string; expiresAt: string; report: Record<string, unknown> }
  | { valid: false; reason: string; message: string; issuer?: string; kid?: string };

/** One field the API refused, as problem+json `errors` names it (`legalBasis.0.article`). */
export interface FieldProblem {
  field: string;
  reason: string;
}

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

export interface Principal {
  role: 'anonymous' | 'entity' | 'officer' | 'policy-admin' | 'service' | 'partner';
  keyId?: string;
  entityId?: string;
  authority?: string;
  duties?: string[];
}

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

export interface Entity {
  id: string;
  names: Name[];
  identifiers: Identifier[];
}

export function fetchEntity(ref: string): Promise<Entity> {
  return request<Entity>(`/v1/entities/${encodeURIComponent(ref)}`);
}

/** A record as the register keeps it, whatever its status (GET /v1/records/{id}). */
export interface RegisterRecord {
  id: number;
  sourceId: string;
  originNode: string;
  category: string;
  domain: string;
  severity: string | null;
  authority: string;
  decisionNo: string;
  decidedOn: string;
  legalBasis: Citation[];
  summary: string;
  status: string;
  details: Record<string, unknown> | null;
}

export async function fetchEntityRecords(ref: string): Promise<RegisterRecord[]> {
  return (await request<{ items: RegisterRecord[] }>(`/v1/entities/${encodeURIComponent(ref)}/records?limit=500`)).items;
}

export function fetchRecord(id: number): Promise<RegisterRecord> {
  return request<RegisterRecord>(`/v1/records/${id}`);
}

export interface Notice {
  id: number;
  subject: string;
  kind: 'record' | 'list';
  servedAt: string;
  readAt: string | null;
  content: {
    what: { title: string; authority: string; record?: { id: string; decisionNo: string; decidedOn: string; category: string }; list?: { id: string; kind: string } };
    legalBasis: Citation[];
    period: { from: string; until?: string };
    objection: { deadline: string; days: number; unit: 'calendar' | 'working' } | null;
    remedies: { repairable: boolean; notRepairableReason?: string; repairFrom?: string; repairConditions: string[] };
  };
}

export async function fetchNotices(): Promise<Notice[]> {
  return (await request<{ items: Notice[] }>('/v1/me/notices?limit=100')).items;
}

export function markNoticeRead(id: number): Promise<Notice> {
  return request<Notice>(`/v1/me/notices/${id}/read`, { method: 'POST' });
}

export interface AttachmentUpload {
  filename: string;
  mediaType: string;
  contentBase64: string;
}

interface CaseFields {
  id: string;
  entityId: string;
  subject: string;
  recordIds: number[];
  authority: string;
  attachments: { id: string; filename: string; mediaType: string; size: number }[];
  status: string;
  filedAt: string;
  dueOn: string;
  overdue: boolean;
}

export interface Objection extends CaseFields {
  grounds: string;
  decision: { outcome: 'upheld' | 'rejected'; action?: 'revoke' | 'correct'; reasons: string; decidedAt: string } | null;
}

export interface RepairCondition {
  id: string;
  description: string;
  met: boolean | 'on-review';
  detail: string;
}

export interface RepairApplication extends CaseFields {
  commitment: string;
  conditions: RepairCondition[];
  decision: { outcome: 'granted' | 'refused'; reasons: string; decidedAt: string } | null;
}

export interface RepairEligibility {
  subject: string;
  authority: string;
  repairable: boolean;
  reason?: string;
  conditions: RepairCondition[];
}

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

export function writeStatement(recordId: number, text: string): Promise<{ recordId: number; text: string; updatedAt: string }> {
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

export interface SimulationMovement {
  count: number;
  /** The first entity references (`scheme:value`). */
  sample: string[];
}

export type Decision = 'allow' | 'review' | 'deny';

export interface SimulationReport {
  at: string;
  currentVersion: string;
  candidateVersion: string;
  entities: number;
  lists: { list: string; entering: SimulationMovement; leaving: SimulationMovement }[];
  decisions: { context: string; changed: number; changes: { from: Decision; to: Decision; count: number }[] }[];
}

export interface Activation {
  version: string;
  previousVersion: string;
  activatedAt: string;
}

/** The pack files by name (`pack.yaml`, `lists.yaml`, …), each parsed to JSON. */
export type PackFiles = Record<string, unknown>;

export function simulatePolicy(files: PackFiles): Promise<SimulationReport> {
  return send<SimulationReport>('POST', '/v1/policy/simulations', { files });
}

export function activatePolicy(files: PackFiles): Promise<Activation> {
  return send<Activation>('POST', '/v1/policy/activations', { files });
}

export interface TransparencyReport {
  node: string;
  asOf: string;
  policyVersion: string;
  /** `YYYY-MM`, oldest first; every series has one value per month. */
  months: string[];
  lists: { list: string; kind: string; name: { zh: string; en: string; pt?: string }; current: number; entered: number[]; exited: number[] }[];
  objections: { filed: number[]; upheld: number[]; rejected: number[]; medianDaysToDecision: (number | null)[] };
  repairs: { filed: number[]; granted: number[]; refused: number[]; medianDaysToDecision: (number | null)[] };
  checks: { context: string; decisions: Record<Decision, number[]> }[];
}

export interface ExchangeStatus {
  node: string;
  partners: {
    partner: string;
    pagesApplied: number;
    itemsApplied: number;
    lastPullAt: string | null;
    lastError: string | null;
    rejectedPages: number;
  }[];
}

export function fetchTransparency(signal: AbortSignal): Promise<TransparencyReport> {
  return request<TransparencyReport>('/v1/transparency', { signal });
}

export function fetchExchangeStatus(signal: AbortSignal): Promise<ExchangeStatus> {
  return request<ExchangeStatus>('/v1/exchange/status', { signal });
}
