import type { EnterpriseProfile, Member } from '../../../../shared/enterprises';
import { LoadError } from '../../../app/components';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { MembersTable, membersPath } from '../members/MembersTable';

/** The enterprise's accounts as staff see them; only the system administrator may remove one. */
export function StaffMembers({ profile }: { profile: EnterpriseProfile }) {
  const { user } = useSession();
  const members = useApi<{ items: Member[] }>(membersPath(profile.id));
  const isAdmin = user?.roles.includes('admin') ?? false;
  if (members.error) return <LoadError error={members.error} onRetry={members.reload} />;
  return (
    <MembersTable enterpriseId={profile.id} members={members} canRemove={isAdmin ? () => true : undefined} />
  );
}
