import type { DB } from '../../db/database';

/**
 * Leases for scheduled jobs (ARCHITECTURE decision 22): each instance ticks on its own timer, and a tick of job
 * `name` runs only while its instance holds the lease in `job_leases` — taken when it has expired, renewed by its
 * holder. Several instances on one PostgreSQL thus run each job one at a time; the jobs still make every effect
 * idempotent (a lease can expire in the middle of a slow tick).
 */

/** Take or renew the lease; true when this holder has it until now + leaseMs. */
export async function takeLease(
  db: DB,
  name: string,
  holder: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const nowIso = now.toISOString();
  const expiresAt = new Date(now.getTime() + leaseMs).toISOString();
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('jobLeases')
      .set({ holder, expiresAt })
      .where('name', '=', name)
      .where((eb) => eb.or([eb('expiresAt', '<', nowIso), eb('holder', '=', holder)]))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) return true;
    const inserted = await trx
      .insertInto('jobLeases')
      .values({ name, holder, expiresAt })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  });
}

/** Give the lease up (on shutdown), so another instance need not wait for it to expire. */
export async function releaseLease(db: DB, name: string, holder: string): Promise<void> {
  await db
    .updateTable('jobLeases')
    .set({ expiresAt: new Date(0).toISOString() })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}
