import {
  isPersonalDataKind,
  mayReveal,
  PERSONAL_DATA,
  type PersonalDataField,
  type PersonalDataKind,
  REVEAL_AUDIT_ACTION,
  type RevealRequest,
  type RevealResponse,
} from '../../../shared/privacy';
import type { DB } from '../../db/database';
import type { AuditLog } from '../audit/audit';
import { HOUR } from '../clock';
import type { RequestContext } from '../context';
import { AppError, fieldError } from '../errors';
import type { DbRateLimiter } from '../http/rate-limit';

/** Reveals per user and hour: enough for a day of call-backs, too few to page through a list of people. */
export const REVEALS_PER_HOUR = 60;

/** The object a revealed value belongs to, as the audit record names it, and the clear value. */
export interface RevealedValue {
  objectType: string;
  objectId: string;
  value: string | null;
}

/**
 * A module's reader of one kind of personal data (`modules/<module>/reveal.ts`). `read` runs inside the reveal's
 * transaction, after the caller's role was found in PERSONAL_DATA[kind].roles. It applies the same visibility as
 * the object's own routes: it throws 404 (`notFound`) when the caller may not see the object and 403 when he sees
 * it but not in a capacity that needs the value (a leader who is also a handler of another department …).
 */
export interface RevealSource<K extends PersonalDataKind = PersonalDataKind> {
  kind: K;
  read(trx: DB, ctx: RequestContext, id: string, field: PersonalDataField<K>): Promise<RevealedValue>;
}

/**
 * The registry of personal data readers and the one reveal use case (SPEC §2.1 "unmasked only for roles that need
 * it, and audited"): known kind and field (400 `UNKNOWN_PERSONAL_DATA`) → a role of the kind (403) → the per-user
 * limit (429, counted in the database so it holds across instances) → in one transaction the module's reader
 * (404 / 403) and the `personal_data.reveal` audit record, so the value leaves only once its reading is recorded.
 */
export class PersonalDataService {
  private readonly sources = new Map<PersonalDataKind, RevealSource>();

  constructor(
    private readonly db: DB,
    private readonly audit: AuditLog,
    private readonly limiter: DbRateLimiter,
  ) {}

  /** Called once per kind from the owning module's index.ts. */
  register<K extends PersonalDataKind>(source: RevealSource<K>): void {
    if (this.sources.has(source.kind)) throw new Error(`personal data kind ${source.kind} registered twice`);
    this.sources.set(source.kind, source as unknown as RevealSource);
  }

  /** The kinds with a reader (a test checks that every kind of PERSONAL_DATA has one). */
  registeredKinds(): PersonalDataKind[] {
    return [...this.sources.keys()];
  }

  async reveal(ctx: RequestContext, input: RevealRequest): Promise<RevealResponse> {
    const p = ctx.principal;
    if (!p) throw new AppError('UNAUTHENTICATED');
    const kind = input.kind;
    const source = isPersonalDataKind(kind) ? this.sources.get(kind) : undefined;
    if (!isPersonalDataKind(kind) || !source)
      throw fieldError('kind', 'UNKNOWN_PERSONAL_DATA', `不支持查看“${kind}”类个人信息`);
    const fields: readonly string[] = PERSONAL_DATA[kind].fields;
    if (!fields.includes(input.field))
      throw fieldError('field', 'UNKNOWN_PERSONAL_DATA', `“${kind}”没有可查看的字段“${input.field}”`);
    if (!mayReveal(p.roles, kind)) throw new AppError('FORBIDDEN', '您的角色无需查看该项个人信息');
    // Counted before the object is read, so probing ids for 404s costs the same as reading values.
    if (!(await this.limiter.hit(`reveal:${p.userId}`, REVEALS_PER_HOUR, HOUR)))
      throw new AppError('RATE_LIMITED', '查看个人信息过于频繁，请一小时后再试');
    return this.db.transaction().execute(async (trx) => {
      const r = await source.read(trx, ctx, input.id, input.field as PersonalDataField);
      // No value, nothing disclosed: no record.
      if (r.value !== null) {
        await this.audit.write(trx, ctx, {
          action: REVEAL_AUDIT_ACTION,
          objectType: r.objectType,
          objectId: r.objectId,
          // Which value, never the value itself: the log is append-only and must not become a copy of the data.
          details: { kind, field: input.field },
        });
      }
      return { value: r.value };
    });
  }
}
