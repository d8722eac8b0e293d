import { createHash } from 'node:crypto';
import type { DB } from '../../db/database';
import { type Dialect, lockForChain } from '../../db/dialect';
import type { AuditLogTable } from '../../db/schema';
import type { Clock } from '../clock';
import type { RequestContext } from '../context';

/** The hash that starts the chain. */
export const GENESIS_HASH = '0'.repeat(64);
/** Advisory-lock key that serialises audit writers across instances on PostgreSQL. */
const AUDIT_LOCK_KEY = 7_110_001;

export interface AuditEntry {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  result?: 'success' | 'failure' | 'denied';
  details?: Record<string, unknown> | null;
  /** Override the actor (e.g. a login attempt before there is a session). */
  actorId?: string | null;
  actorRole?: string | null;
}

type ChainFields = Omit<AuditLogTable, 'seq' | 'hash'>;

/** The hash of one record: sha256 over its fields in a fixed order, chained to the previous hash. */
export function auditHash(r: ChainFields): string {
  const canonical = JSON.stringify([
    r.prevHash,
    r.at,
    r.actorId,
    r.actorRole,
    r.action,
    r.objectType,
    r.objectId,
    r.result,
    r.ip,
    r.requestId,
    r.details,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * The append-only audit log (SPEC §2.1). `write` must be called inside the transaction of the change it records,
 * so the change and its record commit or roll back together.
 */
export class AuditLog {
  constructor(
    private readonly dialect: Dialect,
    private readonly clock: Clock,
  ) {}

  async write(trx: DB, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    await lockForChain(trx as never, this.dialect, AUDIT_LOCK_KEY);
    const last = await trx
      .selectFrom('auditLog')
      .select('hash')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const fields: ChainFields = {
      prevHash: last?.hash ?? GENESIS_HASH,
      at: this.clock.now().toISOString(),
      actorId: entry.actorId !== undefined ? entry.actorId : (ctx.principal?.userId ?? null),
      actorRole: entry.actorRole !== undefined ? entry.actorRole : ctx.principal?.roles.join(',') || null,
      action: entry.action,
      objectType: entry.objectType ?? null,
      objectId: entry.objectId ?? null,
      result: entry.result ?? 'success',
      ip: ctx.ip,
      requestId: ctx.requestId,
      details: entry.details ? JSON.stringify(entry.details) : null,
    };
    await trx
      .insertInto('auditLog')
      .values({ ...fields, hash: auditHash(fields) })
      .execute();
  }
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first record whose hash or link does not match, if any. */
  brokenAt?: { seq: number; reason: string };
}

/** Walk the whole chain in order and recompute every hash (`qifu audit verify`). */
export async function verifyAuditChain(db: DB, batch = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.prevHash !== prev)
        return {
          ok: false,
          checked,
          brokenAt: { seq: r.seq, reason: 'prev_hash does not link to the previous record' },
        };
      const { seq: _seq, hash, ...fields } = r;
      if (auditHash(fields) !== hash)
        return { ok: false, checked, brokenAt: { seq: r.seq, reason: 'hash does not match the record' } };
      prev = hash;
      lastSeq = r.seq;
      checked++;
    }
  }
  return { ok: true, checked };
}
