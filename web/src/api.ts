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

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; title?: string };
    throw new ApiError(response.status, problem.code, problem.detail ?? problem.title ?? response.statusText);
  }
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
