import type { Selectable } from 'kysely';
import type { DB } from '../../db/database';
import { type Dialect, fromJson, lockForChain, toJson } from '../../db/dialect';
import type { AppealEventTable, AppealTable } from '../../db/schema';

/** The appeal row with the names the views show and the liaison the relation needs. */
export type AppealRow = Selectable<AppealTable> & {
  enterpriseName: string | null;
  liaisonUserId: string | null;
  leadDepartmentName: string | null;
};

export interface DepartmentRow {
  appealId: string;
  departmentId: string;
  name: string;
  role: string;
  opinion: string | null;
  opinionBy: string | null;
  opinionAt: string | null;
  assignedAt: string;
}

/** What the person submitting decides; everything else of a new appeal starts empty. */
export type SubmittedFields = Pick<
  AppealTable,
  | 'enterpriseId'
  | 'submittedBy'
  | 'channel'
  | 'idempotencyKey'
  | 'contactName'
  | 'contactPhone'
  | 'type'
  | 'topicCode'
  | 'title'
  | 'content'
  | 'isPublic'
  | 'receivedOn'
  | 'acceptDeadline'
>;

/**
 * The row of an appeal just submitted at `at` (state submitted, version 1, no department, no milestone yet): the one
 * shape the service writes and the demo data starts each appeal's history from.
 */
export function submittedAppeal(fields: SubmittedFields, at: string): Omit<AppealTable, 'id' | 'code'> {
  return {
    ...fields,
    state: 'submitted',
    version: 1,
    leadDepartmentId: null,
    // 智能分拨 is computed when a dispatcher first opens the appeal (suggestionFor), off the submission path.
    suggestedTopicCode: null,
    suggestedDepartmentId: null,
    replyStartedAt: null,
    replyDeadline: null,
    extensionStatus: 'none',
    extensionDays: null,
    extensionReason: null,
    supervisionLevel: 'none',
    reopenCount: 0,
    mergedIntoId: null,
    acceptedAt: null,
    dispatchedAt: null,
    signedAt: null,
    repliedAt: null,
    closedAt: null,
    repliedLate: null,
    handlingMinutes: null,
    replyContent: null,
    replySolved: null,
    replyUnsolvedReason: null,
    replyPublic: null,
    rating: null,
    ratingSolved: null,
    ratingComment: null,
    ratingDefault: 0,
    ratedAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** Advisory-lock key serialising the daily code sequence on PostgreSQL (SQLite's single writer does it already). */
const CODE_LOCK_KEY = 7_110_406;
/** appeal_settings row holding the daily sequence: {"day":"20260310","seq":12}. */
export const CODE_SEQUENCE_KEY = 'code_seq';

export function selectAppeals(db: DB) {
  return db
    .selectFrom('appeals as a')
    .leftJoin('enterprises as e', 'e.id', 'a.enterpriseId')
    .leftJoin('departments as ld', 'ld.id', 'a.leadDepartmentId')
    .selectAll('a')
    .select([
      'e.name as enterpriseName',
      'e.liaisonUserId as liaisonUserId',
      'ld.name as leadDepartmentName',
    ]);
}

/** By id, or by the human code (SQ…), so links may carry either. */
export async function findAppeal(db: DB, idOrCode: string): Promise<AppealRow | undefined> {
  const q = selectAppeals(db);
  return /^SQ\d{8,}$/.test(idOrCode)
    ? q.where('a.code', '=', idOrCode).executeTakeFirst()
    : q.where('a.id', '=', idOrCode).executeTakeFirst();
}

export async function loadDepartments(db: DB, appealIds: readonly string[]): Promise<DepartmentRow[]> {
  if (!appealIds.length) return [];
  return db
    .selectFrom('appealDepartments as ad')
    .innerJoin('departments as d', 'd.id', 'ad.departmentId')
    .select([
      'ad.appealId',
      'ad.departmentId',
      'd.name',
      'ad.role',
      'ad.opinion',
      'ad.opinionBy',
      'ad.opinionAt',
      'ad.assignedAt',
    ])
    .where('ad.appealId', 'in', [...appealIds])
    .orderBy('ad.role', 'desc')
    .orderBy('d.sortOrder')
    .execute();
}

export type EventRow = Selectable<AppealEventTable> & {
  actorName: string | null;
  departmentName: string | null;
};

export async function loadEvents(db: DB, appealId: string): Promise<EventRow[]> {
  return db
    .selectFrom('appealEvents as ev')
    .leftJoin('users as u', 'u.id', 'ev.actorId')
    .leftJoin('departments as d', 'd.id', 'ev.departmentId')
    .selectAll('ev')
    .select(['u.displayName as actorName', 'd.name as departmentName'])
    .where('ev.appealId', '=', appealId)
    .orderBy('ev.seq')
    .execute();
}

export async function loadFiles(db: DB, appealId: string) {
  return db
    .selectFrom('appealFiles as af')
    .innerJoin('files as f', 'f.id', 'af.fileId')
    .selectAll('f')
    .select('af.eventId')
    .where('af.appealId', '=', appealId)
    .orderBy('af.addedAt')
    .orderBy('f.id')
    .execute();
}

/**
 * The next 诉求编号 of the Asia/Shanghai day `day` (yyyymmdd): SQ + day + 4 digits (5+ after 9,999 a day). A counter
 * row under a lock; on a new day, or when `resync` (a collision with codes written elsewhere, e.g. imported), it
 * starts above the highest code of the day already stored.
 */
export async function nextCode(
  trx: DB,
  dialect: Dialect,
  day: string,
  at: string,
  resync = false,
): Promise<string> {
  await lockForChain(trx as never, dialect, CODE_LOCK_KEY);
  const row = await trx
    .selectFrom('appealSettings')
    .select('value')
    .where('key', '=', CODE_SEQUENCE_KEY)
    .executeTakeFirst();
  const current = row ? fromJson<{ day?: string; seq?: number }>(row.value, {}) : null;
  let seq = current?.day === day && typeof current.seq === 'number' ? current.seq : 0;
  if (seq === 0 || resync) {
    const prefix = `SQ${day}`;
    const last = await trx
      .selectFrom('appeals')
      .select('code')
      .where('code', '>', prefix)
      .where('code', '<', `${prefix}~`)
      .orderBy('code', 'desc')
      .limit(1)
      .executeTakeFirst();
    const stored = last ? Number.parseInt(last.code.slice(prefix.length), 10) : 0;
    if (Number.isFinite(stored) && stored > seq) seq = stored;
  }
  seq += 1;
  const value = toJson({ day, seq });
  if (row) {
    await trx
      .updateTable('appealSettings')
      .set({ value, updatedAt: at })
      .where('key', '=', CODE_SEQUENCE_KEY)
      .execute();
  } else {
    await trx
      .insertInto('appealSettings')
      .values({ key: CODE_SEQUENCE_KEY, value, updatedBy: null, updatedAt: at })
      .execute();
  }
  return `SQ${day}${String(seq).padStart(4, '0')}`;
}

/** The next timeline position (callers have already updated the appeal row, which serialises writers). */
export async function nextSeq(trx: DB, appealId: string): Promise<number> {
  const r = await trx
    .selectFrom('appealEvents')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('appealId', '=', appealId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

/** Active staff holding one of `roles`; handlers only of `departmentIds`. */
export async function staffRecipients(
  db: DB,
  want: { roles: readonly string[]; handlerDepartments: readonly string[] },
): Promise<string[]> {
  if (!want.roles.length && !want.handlerDepartments.length) return [];
  const rows = await db
    .selectFrom('userRoles as r')
    .innerJoin('users as u', 'u.id', 'r.userId')
    .select('u.id')
    .where('u.status', '=', 'active')
    .where((eb) => {
      const ors = [];
      if (want.roles.length) ors.push(eb('r.role', 'in', [...want.roles]));
      if (want.handlerDepartments.length) {
        ors.push(
          eb.and([eb('r.role', '=', 'handler'), eb('u.departmentId', 'in', [...want.handlerDepartments])]),
        );
      }
      return eb.or(ors);
    })
    .execute();
  return [...new Set(rows.map((r) => r.id))];
}

/** Confirmed, active enterprise admins of an enterprise. */
export async function enterpriseAdmins(db: DB, enterpriseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('enterpriseBindings as b')
    .innerJoin('users as u', 'u.id', 'b.userId')
    .select('u.id')
    .where('b.enterpriseId', '=', enterpriseId)
    .where('b.status', '=', 'confirmed')
    .where('b.role', '=', 'enterprise_admin')
    .where('u.status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}
