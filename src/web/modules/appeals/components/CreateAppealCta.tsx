import { FormOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { isStaff } from '../../../app/access';
import { LinkButton } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { appealPages } from '../paths';

/**
 * 我要提诉求: the form for an enterprise user, the login page (coming back to the form) for a visitor, the
 * enterprise binding for an account without an enterprise, the workbench for staff.
 */
export function CreateAppealCta({ block, showHint = true }: { block?: boolean; showHint?: boolean }) {
  const m = useT();
  const t = m.appeals.home;
  const { user } = useSession();
  if (user && isStaff(user)) {
    return (
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t.staffHint}</Typography.Text>
        <LinkButton to="/workbench" block={block}>
          {t.toWorkbench}
        </LinkButton>
      </Flex>
    );
  }
  if (user && !user.enterprise) {
    return (
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{m.appeals.list.unbound}</Typography.Text>
        <LinkButton to="/enterprise" type="primary" block={block}>
          {m.appeals.list.toCenter}
        </LinkButton>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8}>
      <LinkButton
        to={user ? appealPages.create : appealPages.loginToCreate}
        type="primary"
        size="large"
        icon={<FormOutlined />}
        block={block}
      >
        {user ? t.cta : t.ctaLogin}
      </LinkButton>
      {user ? (
        <LinkButton to={appealPages.mine} block={block}>
          {t.mine}
        </LinkButton>
      ) : null}
      {showHint && !user ? <Typography.Text type="secondary">{t.ctaHint}</Typography.Text> : null}
    </Flex>
  );
}
