import { notFound } from '../../platform/errors';
import type { RevealSource } from '../../platform/privacy';

/**
 * `viewing_request.phone` (看房预约): the queue masks it; every building editor works the whole queue, so any request
 * that exists may be revealed to him. The requester himself sees it in full in /viewing-requests/mine.
 */
export const viewingRequestReveal: RevealSource<'viewing_request'> = {
  kind: 'viewing_request',
  async read(trx, _ctx, id) {
    const v = await trx
      .selectFrom('viewingRequests')
      .select(['id', 'phone'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!v) throw notFound('看房预约');
    return { objectType: 'viewing_request', objectId: v.id, value: v.phone };
  },
};
