import { App, Button, Card, Checkbox, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../app/api';
import { FormFailure, LoadError, PageHeader } from '../../../app/components';
import { useDescribeError } from '../../../app/errors';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { policyApi } from '../paths';
import { EnterpriseSubnav } from './EnterpriseSubnav';

interface Subscriptions {
  enterpriseId: string;
  topics: string[];
}

/** /enterprise/subscriptions — topics the enterprise follows: a new policy with one of them is announced in the inbox. */
export function SubscriptionsPage() {
  const m = useT();
  const t = m.policies.subscriptions;
  const { message } = App.useApp();
  const describe = useDescribeError();
  const subs = useApi<Subscriptions>(policyApi.subscriptions);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (subs.data) setChosen(subs.data.topics);
  }, [subs.data]);
  const save = async () => {
    if (!chosen) return;
    setSaving(true);
    setFailure(null);
    try {
      const r = await api.put<Subscriptions>(policyApi.subscriptions, { topics: chosen });
      setChosen(r.topics);
      message.success(t.saved);
    } catch (e) {
      setFailure(describe(e));
    } finally {
      setSaving(false);
    }
  };
  const dirty = !!chosen && !!subs.data && [...chosen].sort().join() !== [...subs.data.topics].sort().join();
  return (
    <div className="qifu-container qifu-page">
      <PageHeader title={t.title} intro={t.intro} />
      <EnterpriseSubnav />
      {subs.error ? <LoadError error={subs.error} onRetry={subs.reload} /> : null}
      {!chosen && !subs.error ? <Skeleton active /> : null}
      {chosen ? (
        <Card>
          <FormFailure failure={failure} />
          <fieldset className="qifu-fieldset">
            <legend className="qifu-visually-hidden">{t.title}</legend>
            <Checkbox.Group
              value={chosen}
              onChange={(v) => setChosen(v as string[])}
              className="qifu-topic-grid"
            >
              <Row gutter={[12, 12]}>
                {Object.entries(m.policies.topics).map(([code, label]) => (
                  <Col xs={12} sm={8} lg={6} key={code}>
                    <Checkbox value={code}>{label}</Checkbox>
                  </Col>
                ))}
              </Row>
            </Checkbox.Group>
          </fieldset>
          <Flex gap={12} align="center" wrap className="qifu-top-gap">
            <Button type="primary" onClick={save} loading={saving} disabled={!dirty}>
              {t.save}
            </Button>
            <Typography.Text type="secondary">{t.count(chosen.length)}</Typography.Text>
            <Typography.Text type="secondary" className="qifu-small">
              {t.adminOnly}
            </Typography.Text>
          </Flex>
        </Card>
      ) : null}
    </div>
  );
}
