import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Grid,
  Input,
  Pagination,
  Radio,
  Row,
  Skeleton,
  Typography,
} from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { Page } from '../../../app/api';
import { LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { Marked } from '../../policies/components/Marked';
import { CategoryTag } from '../components/tags';
import { contentApi, contentPages } from '../paths';
import { GUIDE_CATEGORIES, type GuideCategory, type GuideSummary } from '../types';

const PAGE_SIZE = 12;

function readCategory(v: string | null): GuideCategory | undefined {
  return GUIDE_CATEGORIES.find((c) => c === v);
}

/** /services/guides — 办事指南: by category and keyword; each card already says how long it takes and what it costs. */
export function GuideListPage() {
  const m = useT();
  const t = m.content.guides;
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const category = readCategory(params.get('category'));
  const q = params.get('q')?.trim() || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useApi<Page<GuideSummary>>(contentApi.guides, { category, q, page, pageSize: PAGE_SIZE });

  const update = (next: Record<string, string | undefined>) => {
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(next)) {
        if (v) out.set(k, v);
        else out.delete(k);
      }
      if (!('page' in next)) out.delete('page');
      return out;
    });
  };

  return (
    <div className="qifu-container qifu-page">
      <PageHeader title={t.title} intro={t.intro} />
      <Card>
        <Flex vertical gap={16}>
          <search aria-label={t.searchLabel}>
            <Input.Search
              key={q ?? ''}
              size="large"
              allowClear
              defaultValue={q}
              maxLength={64}
              placeholder={t.searchPlaceholder}
              aria-label={t.searchLabel}
              enterButton={m.common.search}
              onSearch={(v) => update({ q: v.trim() || undefined })}
            />
          </search>
          <Radio.Group
            className="qifu-cnt-radios"
            optionType="button"
            aria-label={t.categoryLabel}
            value={category ?? 'all'}
            onChange={(e) => update({ category: e.target.value === 'all' ? undefined : e.target.value })}
            options={[
              { value: 'all', label: m.content.all },
              ...GUIDE_CATEGORIES.map((c) => ({ value: c, label: m.content.categories[c] })),
            ]}
          />
        </Flex>
      </Card>
      <section aria-live="polite" aria-busy={list.loading} className="qifu-top-gap">
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        {!list.data && list.loading ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
        {list.data ? (
          <>
            <Typography.Paragraph type="secondary">
              {q ? t.totalFor(q, list.data.total) : t.total(list.data.total)}
            </Typography.Paragraph>
            {list.data.items.length === 0 ? (
              <Card>
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q ? t.emptySearch(q) : t.empty}>
                  {q || category ? (
                    <Button onClick={() => update({ q: undefined, category: undefined })}>
                      {m.content.news.clearSearch}
                    </Button>
                  ) : null}
                </Empty>
              </Card>
            ) : (
              <Row gutter={[16, 16]}>
                {list.data.items.map((g) => (
                  <Col xs={24} md={12} key={g.id}>
                    <GuideCard guide={g} />
                  </Col>
                ))}
              </Row>
            )}
            {list.data.total > PAGE_SIZE ? (
              <Pagination
                className="qifu-top-gap"
                simple={!screens.md}
                current={page}
                pageSize={PAGE_SIZE}
                total={list.data.total}
                showSizeChanger={false}
                onChange={(p) => {
                  update({ page: p > 1 ? String(p) : undefined });
                  window.scrollTo(0, 0);
                }}
              />
            ) : null}
          </>
        ) : null}
      </section>
    </div>
  );
}

function GuideCard({ guide: g }: { guide: GuideSummary }) {
  const m = useT();
  const t = m.content.guides;
  return (
    <Card className="qifu-cnt-guide-card">
      <article aria-labelledby={`guide-${g.id}`}>
        <CategoryTag category={g.category} />
        <h3 className="qifu-cnt-item-title" id={`guide-${g.id}`}>
          <Link to={contentPages.guide(g.id)}>
            {g.highlight?.title ? <Marked html={g.highlight.title} /> : g.title}
          </Link>
        </h3>
        {g.highlight?.summary || g.summary ? (
          <p className="qifu-cnt-item-summary">
            {g.highlight?.summary ? <Marked html={g.highlight.summary} /> : g.summary}
          </p>
        ) : null}
        <dl className="qifu-cnt-facts">
          <div>
            <dt>{t.timeLimit}</dt>
            <dd>{g.timeLimit || m.content.guide.notGiven}</dd>
          </div>
          <div>
            <dt>{t.fees}</dt>
            <dd>{g.fees || m.content.guide.notGiven}</dd>
          </div>
        </dl>
      </article>
    </Card>
  );
}
