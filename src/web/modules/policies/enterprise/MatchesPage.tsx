import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Segmented,
  Skeleton,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useSearchParams } from 'react-router';
import type { ClaimSummary, Matches } from '../../../../shared/policies';
import type { EligibilityStatus } from '../../../../shared/policy-rules';
import type { Page } from '../../../app/api';
import { LinkButton, LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { MatchCard } from '../components/MatchCard';
import { useFactNames } from '../components/useFactNames';
import { isClaimAnswerable, profileTabOf } from '../facts';
import { formatYuan } from '../money';
import { policyApi, policyPages } from '../paths';
import { EnterpriseSubnav } from './EnterpriseSubnav';

const STATUSES: EligibilityStatus[] = ['eligible', 'undetermined', 'ineligible'];

/** /enterprise/matches — 政策匹配: every published program against the enterprise's profile, ranked. */
export function MatchesPage() {
  const m = useT();
  const t = m.policies.matches;
  const { user } = useSession();
  const names = useFactNames();
  const [params, setParams] = useSearchParams();
  // By default the programs the enterprise can hope for; 暂不符合 ones are one click away (the list is ranked anyway).
  const filter = (params.get('status') as EligibilityStatus | 'all' | 'likely' | null) ?? 'likely';
  const bound = !!user?.enterprise;
  const matches = useApi<Matches>(bound ? policyApi.matches : null);
  // The enterprise's claims, so a program already applied for leads to its claim rather than a second form.
  const claims = useApi<Page<ClaimSummary>>(bound ? policyApi.claims : null, { pageSize: 100 });
  const claimOf = new Map(
    (claims.data?.items ?? []).filter((c) => c.status !== 'withdrawn').map((c) => [c.program.id, c]),
  );

  if (!bound) {
    return (
      <div className="qifu-container qifu-page">
        <PageHeader title={t.title} />
        <EnterpriseSubnav />
        <Alert
          type="info"
          showIcon
          title={t.unbound}
          action={<LinkButton to="/enterprise">{t.toCenter}</LinkButton>}
        />
      </div>
    );
  }

  const d = matches.data;
  const eligibleMin = (d?.items ?? [])
    .filter((i) => i.status === 'eligible' && i.amount)
    .reduce((s, i) => s + (i.amount?.min ?? 0), 0);
  const shown = (d?.items ?? []).filter((i) =>
    filter === 'all' ? true : filter === 'likely' ? i.status !== 'ineligible' : i.status === filter,
  );

  return (
    <div className="qifu-container qifu-page">
      <PageHeader
        title={t.title}
        intro={d ? t.intro(d.enterprise.name) : undefined}
        extra={d ? <Typography.Text type="secondary">{m.policies.asOf(d.asOf)}</Typography.Text> : null}
      />
      <EnterpriseSubnav />
      {matches.error ? <LoadError error={matches.error} onRetry={matches.reload} /> : null}
      {!d && !matches.error ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {d ? (
        <Row gutter={[24, 24]}>
          <Col xs={24} xl={16}>
            <Flex vertical gap={16}>
              <Card>
                <Row gutter={[16, 16]}>
                  {STATUSES.map((s) => (
                    <Col xs={8} md={6} key={s}>
                      <Statistic title={t.counts[s]} value={d.counts[s]} />
                    </Col>
                  ))}
                  <Col xs={24} md={6}>
                    <Statistic title={t.estimatedTotal} value={formatYuan(eligibleMin)} />
                  </Col>
                </Row>
              </Card>
              <Segmented<string>
                aria-label={m.policies.home.status}
                value={filter}
                onChange={(v) => {
                  const next = new URLSearchParams(params);
                  if (v !== 'likely') next.set('status', v);
                  else next.delete('status');
                  setParams(next, { replace: true });
                }}
                options={[
                  {
                    value: 'likely',
                    label: m.policies.countLabel(t.filterLikely, d.counts.eligible + d.counts.undetermined),
                  },
                  { value: 'all', label: m.policies.countLabel(t.filterAll, d.items.length) },
                  ...STATUSES.map((s) => ({
                    value: s,
                    label: m.policies.countLabel(t.counts[s], d.counts[s]),
                  })),
                ]}
                className="qifu-scope-switch"
              />
              {shown.length === 0 ? (
                <Card>
                  <Empty description={t.empty} />
                </Card>
              ) : (
                shown.map((i) => {
                  const p = i.program;
                  const open =
                    p.status === 'published' && (p.windowState === 'open' || p.windowState === 'always');
                  const claim = claimOf.get(p.id);
                  return (
                    <MatchCard
                      key={p.id}
                      match={i}
                      factName={names.name}
                      actions={
                        claim ? (
                          <LinkButton
                            type={claim.status === 'candidate' ? 'primary' : 'default'}
                            to={policyPages.claim(claim.id)}
                          >
                            {claim.status === 'candidate'
                              ? m.policies.claim.confirm
                              : `${t.viewClaim}${m.common.paren(m.policies.claimStatuses[claim.status])}`}
                          </LinkButton>
                        ) : p.mode === 'no_application' ? (
                          <LinkButton to={policyPages.claims}>{t.viewClaims}</LinkButton>
                        ) : open && i.status !== 'ineligible' ? (
                          <LinkButton type="primary" to={policyPages.apply(p.id)}>
                            {t.apply}
                          </LinkButton>
                        ) : null
                      }
                    />
                  );
                })
              )}
            </Flex>
          </Col>
          <Col xs={24} xl={8}>
            <Card title={t.missingTitle}>
              <Typography.Paragraph type="secondary" className="qifu-small">
                {t.missingIntro}
              </Typography.Paragraph>
              {d.missingFacts.length === 0 ? (
                <Typography.Text type="secondary">{t.noMissing}</Typography.Text>
              ) : (
                <ol className="qifu-missing-list">
                  {d.missingFacts.map((q) => {
                    const tab = profileTabOf(q.fact);
                    return (
                      <li key={q.fact}>
                        <strong>{names.name(q.fact)}</strong>
                        <Typography.Text type="secondary" className="qifu-small">
                          {t.missingSettles(q.settles, q.programs.length)}
                        </Typography.Text>
                        {tab ? (
                          <LinkButton size="small" to={policyPages.profileTab(tab)}>
                            {t.fillProfile}
                          </LinkButton>
                        ) : isClaimAnswerable(q.fact) ? (
                          <Tag>{t.fillOnClaim}</Tag>
                        ) : null}
                      </li>
                    );
                  })}
                </ol>
              )}
              <Button type="link" className="qifu-link-button" onClick={matches.reload}>
                {m.common.reload}
              </Button>
            </Card>
          </Col>
        </Row>
      ) : null}
    </div>
  );
}
