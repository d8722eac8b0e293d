import type { RevealSource } from '../../platform/privacy';
import type { PolicyServices } from './services';

/** `claim.contactPhone`: the claim's reviewers (ClaimsService.contactPhoneToReveal decides 404 / 403). */
export function claimReveal(services: PolicyServices): RevealSource<'claim'> {
  return {
    kind: 'claim',
    read: (trx, ctx, id) => services.claims.contactPhoneToReveal(trx, ctx, id),
  };
}
