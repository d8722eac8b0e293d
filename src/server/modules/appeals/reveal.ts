import type { Principal } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import type { RevealSource } from '../../platform/privacy';
import { type AppealAccess, canSee } from './relation';
import { findAppeal, loadDepartments } from './repository';

/**
 * The appeal's contact phone is in full only for the side that gave it: the person who submitted it (an enterprise
 * user, the liaison on its behalf, the dispatcher who took the call) and the enterprise's own users. Every other
 * reader gets it masked and reveals it through `POST /personal-data/reveal` when his work needs it.
 */
export function seesContactInFull(
  p: Principal,
  a: Pick<AppealAccess, 'submittedBy' | 'enterpriseId'>,
): boolean {
  if (a.submittedBy !== null && a.submittedBy === p.userId) return true;
  return p.kind === 'enterprise' && p.enterpriseId !== null && p.enterpriseId === a.enterpriseId;
}

/**
 * Who needs to call the contact back: the appeal desk (any appeal), a handler of a department the appeal is
 * dispatched to (lead or assisting), the enterprise's liaison. A leader reads appeals but does not call.
 */
export function needsContact(p: Principal, a: AppealAccess): boolean {
  if (p.roles.includes('dispatcher')) return true;
  if (
    p.roles.includes('handler') &&
    p.departmentId &&
    a.departments.some((d) => d.departmentId === p.departmentId)
  )
    return true;
  return p.roles.includes('liaison') && (a.liaisonUserId === p.userId || a.submittedBy === p.userId);
}

/** `appeal.contactPhone`: 404 unless the caller sees the appeal (relation.ts), 403 unless he needs the contact. */
export const appealReveal: RevealSource<'appeal'> = {
  kind: 'appeal',
  async read(trx, ctx, id) {
    const p = ctx.principal!;
    const row = await findAppeal(trx, id);
    if (!row) throw notFound('诉求');
    const access: AppealAccess = { ...row, departments: await loadDepartments(trx, [row.id]) };
    if (!canSee(p, access)) throw notFound('诉求');
    if (!needsContact(p, access)) throw new AppError('FORBIDDEN', '您无需查看该诉求的联系电话');
    return { objectType: 'appeal', objectId: row.id, value: row.contactPhone };
  },
};
