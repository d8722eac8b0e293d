import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Popconfirm,
  Result,
  Row,
  Segmented,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import type { ImportCommitResult, ImportPreview, ImportRow } from '../../../../shared/buildings-api';
import { api } from '../../../app/api';
import { LinkButton, PageHeader } from '../../../app/components';
import { useDescribeError } from '../../../app/errors';
import { useT } from '../../../app/prefs';
import { importRowClass, importRowsShown, issuesByColumn, rowCells } from '../import-report';
import { buildingApi, buildingPages } from '../paths';
import { postMultipart } from '../upload';

const STATUS_COLORS: Record<string, string> = {
  ok: 'green',
  warning: 'gold',
  error: 'red',
  skipped: 'default',
};

/** /workbench/buildings/import — 批量导入: template → upload and preview (nothing stored yet) → commit. */
export function ImportPage() {
  const m = useT();
  const t = m.buildings.importPage;
  const { message } = App.useApp();
  const describe = useDescribeError();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportCommitResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problemsOnly, setProblemsOnly] = useState(false);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      const p = await postMultipart<ImportPreview>(buildingApi.importUpload, body);
      setPreview(p);
      setProblemsOnly(!p.report.canCommit);
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await api.post<ImportCommitResult>(buildingApi.importCommit(preview.importId));
      setResult(r);
      message.success(t.committed);
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };

  const step = result ? 2 : preview ? 1 : 0;
  const picker = (
    <>
      <input
        ref={input}
        type="file"
        accept=".xlsx"
        className="qifu-visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => void upload(e.target.files?.[0])}
      />
      <Button
        icon={<UploadOutlined />}
        loading={busy}
        type={preview ? 'default' : 'primary'}
        onClick={() => input.current?.click()}
      >
        {busy ? t.uploading : preview ? t.reupload : t.choose}
      </Button>
    </>
  );

  return (
    <div>
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={<LinkButton to={buildingPages.staffList}>{t.toList}</LinkButton>}
      />
      <Card>
        <Steps current={step} items={t.steps.map((title) => ({ title }))} responsive />
      </Card>
      {error ? <Alert type="error" showIcon role="alert" title={error} className="qifu-top-gap" /> : null}
      {result ? (
        <Card className="qifu-top-gap">
          <Result
            status="success"
            title={t.committed}
            subTitle={t.resultText(
              result.summary.newBuildings + result.summary.updatedBuildings,
              result.summary.newSpaces + result.summary.updatedSpaces,
            )}
            extra={[
              <LinkButton key="list" type="primary" to={buildingPages.staffList}>
                {t.toList}
              </LinkButton>,
              <Button
                key="again"
                onClick={() => {
                  setPreview(null);
                  setResult(null);
                }}
              >
                {t.again}
              </Button>,
            ]}
          />
        </Card>
      ) : preview ? null : (
        <Row gutter={[24, 24]} className="qifu-top-gap">
          <Col xs={24} md={12}>
            <Card title={t.templateTitle} className="qifu-fill">
              <Typography.Paragraph type="secondary">{t.templateText}</Typography.Paragraph>
              <Button icon={<DownloadOutlined />} href={buildingApi.importTemplate} download>
                {t.download}
              </Button>
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card title={t.uploadTitle} className="qifu-fill">
              <Typography.Paragraph type="secondary">{t.uploadText}</Typography.Paragraph>
              {picker}
            </Card>
          </Col>
        </Row>
      )}
      {preview && !result ? (
        <Card
          title={m.common.labelled(t.summary, preview.report.fileName)}
          className="qifu-top-gap"
          extra={
            <Popconfirm
              title={t.commitConfirm}
              okText={t.commit}
              cancelText={m.common.cancel}
              onConfirm={commit}
              disabled={!preview.report.canCommit}
            >
              <Button type="primary" disabled={!preview.report.canCommit || busy} loading={busy}>
                {t.commit}
              </Button>
            </Popconfirm>
          }
        >
          <Row gutter={[16, 16]}>
            <Col xs={12} sm={8} lg={4}>
              <Statistic title={t.rowsTotal} value={preview.report.summary.rows} />
            </Col>
            <Col xs={12} sm={8} lg={4}>
              <Statistic title={t.rowsOk} value={preview.report.summary.ok} />
            </Col>
            <Col xs={12} sm={8} lg={4}>
              <Statistic title={t.rowsWarning} value={preview.report.summary.withWarnings} />
            </Col>
            <Col xs={12} sm={8} lg={4}>
              <Statistic title={t.rowsError} value={preview.report.summary.withErrors} />
            </Col>
            <Col xs={12} sm={8} lg={4}>
              <Statistic title={t.newBuildings} value={preview.report.summary.newBuildings} />
            </Col>
            <Col xs={12} sm={8} lg={4}>
              <Statistic title={t.newSpaces} value={preview.report.summary.newSpaces} />
            </Col>
          </Row>
          {preview.report.canCommit ? null : (
            <Alert type="warning" showIcon title={t.commitDisabled} className="qifu-top-gap" />
          )}
          {preview.report.sheets
            .filter((s) => s.ignoredColumns.length > 0)
            .map((s) => (
              <Alert
                key={s.name}
                type="info"
                showIcon
                className="qifu-top-gap"
                title={t.ignoredColumns(s.name, s.ignoredColumns.join(m.common.listJoin))}
              />
            ))}
          <Flex justify="space-between" wrap gap={8} className="qifu-top-gap">
            <Segmented<string>
              value={problemsOnly ? 'problems' : 'all'}
              onChange={(v) => setProblemsOnly(v === 'problems')}
              options={[
                { value: 'all', label: t.filterAll },
                { value: 'problems', label: t.filterProblems },
              ]}
            />
            {picker}
          </Flex>
          <ReportTable rows={importRowsShown(preview.report.rows, problemsOnly)} />
        </Card>
      ) : null}
    </div>
  );
}

function ReportTable({ rows }: { rows: ImportRow[] }) {
  const m = useT();
  const t = m.buildings.importPage;
  return (
    <Table<ImportRow>
      className="qifu-top-gap"
      rowKey={(r) => `${r.sheet}-${r.row}`}
      size="small"
      dataSource={rows}
      rowClassName={importRowClass}
      pagination={{ pageSize: 50, showSizeChanger: false, showTotal: m.common.total }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t.sheet, dataIndex: 'sheet', render: (v: string) => t.sheets[v] ?? v },
        { title: t.row, dataIndex: 'row' },
        {
          title: t.rowStatus,
          dataIndex: 'status',
          render: (v: string) => <Tag color={STATUS_COLORS[v]}>{t.rowStatuses[v] ?? v}</Tag>,
        },
        {
          title: t.action,
          dataIndex: 'action',
          render: (v: string | null) => (v ? (t.actions[v] ?? v) : m.buildings.fmt.none),
        },
        { title: t.label, dataIndex: 'label' },
        {
          title: t.cells,
          key: 'cells',
          render: (_, r) => <RowCells row={r} />,
        },
      ]}
    />
  );
}

/** Each column of a row: the raw cell (when the report carries it), the normalised value, and its messages. */
function RowCells({ row }: { row: ImportRow }) {
  const m = useT();
  const t = m.buildings.importPage;
  const cells = rowCells(row);
  const issues = issuesByColumn(row);
  const general = issues.get(null) ?? [];
  return (
    <Flex vertical gap={4} className="qifu-bld-cells">
      {cells.map((c) => (
        <div key={c.column}>
          <Typography.Text type="secondary">{m.common.labelled(c.column, '')}</Typography.Text>
          {c.raw !== undefined && c.raw !== c.normalized ? (
            <span className="qifu-bld-cell-raw">{c.raw}</span>
          ) : null}{' '}
          {c.normalized !== undefined ? <span>{c.normalized}</span> : null}
          {c.issues.map((i) => (
            <Typography.Text
              key={i.message}
              className="qifu-bld-cell-msg"
              type={i.level === 'error' ? 'danger' : i.level === 'warning' ? 'warning' : 'secondary'}
            >
              {i.message}
            </Typography.Text>
          ))}
        </div>
      ))}
      {row.duplicates?.map((d) => (
        <span key={`${d.id}-${d.label}`}>
          <Tag color="orange">{t.duplicateOf(d.label)}</Tag>
          <Typography.Text type="secondary" className="qifu-small">
            {d.reasons.join(m.common.listJoin)}
          </Typography.Text>
        </span>
      ))}
      {general.map((i) => (
        <Typography.Text
          key={i.message}
          className="qifu-bld-cell-msg"
          type={i.level === 'error' ? 'danger' : i.level === 'warning' ? 'warning' : 'secondary'}
        >
          {i.message}
        </Typography.Text>
      ))}
    </Flex>
  );
}
