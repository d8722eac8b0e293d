import { notFound } from '../../platform/errors';
import type { RevealSource } from '../../platform/privacy';

/** A user's mobile number, as the administrator's users list masks it; every account is on that list. */
export const userReveal: RevealSource<'user'> = {
  kind: 'user',
  async read(trx, _ctx, id) {
    const u = await trx.selectFrom('users').select(['id', 'phone']).where('id', '=', id).executeTakeFirst();
    if (!u) throw notFound('用户');
    return { objectType: 'user', objectId: u.id, value: u.phone };
  },
};
