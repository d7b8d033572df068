/**
 * Verifiable credit reports (issue 5 §6): the public report signed by this node, and verification of a signed
 * report from this node or a partner against the issuer's published keys.
 */
import type { Clock } from '../domain/dates.js';
import type { NodeId } from '../domain/taxonomy.js';
import type { KeyRing } from '../exchange/key-ring.js';
import type { NodeKeys } from '../exchange/node-keys.js';
import { issuerOf, signReport } from '../exchange/sign-report.js';
import { verifyReport, type Verification } from '../exchange/verify-report.js';
import type { ReportService } from './report-service.js';

export class SignedReportService {
  constructor(
    private readonly deps: {
      reports: Pick<ReportService, 'report'>;
      nodeKeys: Pick<NodeKeys, 'signingKey'>;
      trustedKeys: KeyRing;
      node: NodeId;
      clock: Clock;
      validityDays: number;
    },
  ) {}

  /** The public report of `ref` as a compact JWS. Throws INVALID_ENTITY_REF or ENTITY_NOT_FOUND. */
  async sign(ref: string): Promise<string> {
    const { reports, nodeKeys, node, clock, validityDays } = this.deps;
    const report = await reports.report(ref);
    return signReport(report, await nodeKeys.signingKey(), { issuer: issuerOf(node), subject: report.entity.id, now: clock(), validityDays });
  }

  /** Whether `jws` is a valid report of this node or a partner now, and if not, why. */
  verify(jws: string): Promise<Verification> {
    return verifyReport(jws, this.deps.trustedKeys, this.deps.clock());
  }
}
