import { notFound } from '../../platform/errors';
import type { RevealSource } from '../../platform/privacy';
import { permissionsFor } from './profile';

/**
 * The mobile number of a user bound, or asking to be bound, to an enterprise (members list, binding review): seen
 * by whoever confirms that enterprise's bindings as staff — its liaison and the administrator (profile.ts). The id
 * is the user's; any other user answers 404.
 */
export const memberReveal: RevealSource<'enterprise_member'> = {
  kind: 'enterprise_member',
  async read(trx, ctx, userId) {
    const rows = await trx
      .selectFrom('enterpriseBindings as b')
      .innerJoin('enterprises as e', 'e.id', 'b.enterpriseId')
      .innerJoin('users as u', 'u.id', 'b.userId')
      .select(['e.id', 'e.liaisonUserId', 'u.phone'])
      .where('b.userId', '=', userId)
      .where('b.status', 'in', ['pending', 'confirmed'])
      .execute();
    const seen = rows.find((r) => {
      const perm = permissionsFor(ctx.principal, r);
      return perm.asStaff && perm.confirmBindings;
    });
    if (!seen) throw notFound('企业成员');
    return { objectType: 'user', objectId: userId, value: seen.phone };
  },
};
