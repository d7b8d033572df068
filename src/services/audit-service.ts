/** Verifying the hash-chained audit log (`credence audit verify`). */
import { verifyAuditChain, type ChainVerdict } from '../domain/audit-chain.js';
import { readAuditLog } from '../store/audit-repository.js';
import type { Db } from '../store/database.js';

export class AuditService {
  constructor(private readonly deps: { db: Db }) {}

  verify(): Promise<ChainVerdict> {
    return verifyAuditChain(readAuditLog(this.deps.db));
  }
}
