import { Navigate, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { policyPages } from '../paths';

/**
 * /policies/claims/:id — the link notifications carry for a claim. Staff review it in the workbench, the
 * enterprise follows it in its center; this sends each to the right page.
 */
export function ClaimRedirect() {
  const id = useParams().id ?? '';
  const { user } = useSession();
  return (
    <Navigate replace to={user?.kind === 'staff' ? policyPages.staffClaim(id) : policyPages.claim(id)} />
  );
}
