import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  VISIT_FORMS,
  VISIT_MAX_PEOPLE,
  VISIT_MAX_PROBLEMS,
  VISIT_PROBLEM_MANUAL_STATUSES,
  type VisitDetail,
  type VisitForm,
  type VisitProblemStatus,
  type VisitTopic,
} from '../../../../shared/visits-api';
import { api } from '../../../app/api';
import { FormFailure, LinkButton, LoadError, PageHeader } from '../../../app/components';
import { todayInShanghai } from '../../../app/dates';
import { toNamePath } from '../../../app/form-errors';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import './visits.css';
import { WorkbenchNotFound } from '../../workbench/WorkbenchNotFound';
import { visitApi, visitPages } from './paths';
import { TopicPicker } from './TopicPicker';

interface ProblemValue {
  id?: string;
  text: string;
  status: VisitProblemStatus;
  /** Shown for a problem already turned into an appeal (read only). */
  appealCode?: string;
}

interface Values {
  enterpriseId?: string;
  visitedOn?: Dayjs;
  form: VisitForm;
  people: { name: string; post?: string }[];
  topics: VisitTopic[];
  topicNote?: string;
  discussion: string;
  problems: ProblemValue[];
  note?: string;
  nextVisitOn?: Dayjs | null;
}

interface EnterpriseOption {
  id: string;
  name: string;
  street: string | null;
  lastVisitedOn: string | null;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
/** `topics.1` is reported on the picker as a whole. */
const mapField = (f: string) => (f.startsWith('topics') ? ['topics'] : toNamePath(f));

/** /workbench/visits/new and /workbench/visits/:id/edit — the liaison's 走访记录 form. */
export function VisitEditorPage() {
  const id = useParams().id;
  const existing = useApi<VisitDetail>(id ? visitApi.visit(id) : null);
  if (!id) return <VisitForm_ />;
  if (existing.error) {
    const status = (existing.error as { status?: number }).status;
    return status === 404 ? (
      <WorkbenchNotFound />
    ) : (
      <LoadError error={existing.error} onRetry={existing.reload} />
    );
  }
  if (!existing.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  return <VisitForm_ visit={existing.data} />;
}

function VisitForm_({ visit }: { visit?: VisitDetail }) {
  const m = useT();
  const t = m.visits.editor;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const enterprises = useApi<{ items: EnterpriseOption[] }>(visit ? null : visitApi.enterprises);
  const today = todayInShanghai();

  const initial = useMemo<Values>(
    () =>
      visit
        ? {
            visitedOn: dayjs(visit.visitedOn),
            form: visit.form,
            people: visit.people,
            topics: visit.topics,
            topicNote: visit.topicNote,
            discussion: visit.discussion,
            problems: visit.problems.map((p) => ({
              id: p.id,
              text: p.text,
              status: p.status,
              ...(p.appeal ? { appealCode: p.appeal.code } : {}),
            })),
            note: visit.note,
            nextVisitOn: visit.nextVisitOn ? dayjs(visit.nextVisitOn) : null,
          }
        : {
            visitedOn: dayjs(today),
            form: 'onsite',
            people: [{ name: '', post: '' }],
            topics: [],
            discussion: '',
            problems: [],
          },
    [visit, today],
  );

  // The enterprise asked for by the link (?enterprise=), once the liaison's list shows it is his.
  const wanted = params.get('enterprise');
  const options = enterprises.data?.items;
  useEffect(() => {
    if (!visit && wanted && options?.some((e) => e.id === wanted)) form.setFieldValue('enterpriseId', wanted);
  }, [visit, wanted, options, form]);

  const { onFinish, submitting, failure } = useFormSubmit<Values>(
    form,
    async (v) => {
      const body = {
        visitedOn: day(v.visitedOn!),
        form: v.form,
        people: (v.people ?? [])
          .filter((p) => p?.name?.trim())
          .map((p) => ({ name: p.name.trim(), post: p.post?.trim() ?? '' })),
        topics: v.topics,
        topicNote: v.topicNote?.trim() ?? '',
        discussion: v.discussion,
        problems: (v.problems ?? []).map((p) => ({
          ...(p.id ? { id: p.id } : {}),
          text: p.text,
          status: p.status,
        })),
        note: v.note?.trim() ?? '',
        nextVisitOn: v.nextVisitOn ? day(v.nextVisitOn) : null,
      };
      const saved = visit
        ? await api.put<VisitDetail>(visitApi.visit(visit.id), { ...body, version: visit.version })
        : await api.post<VisitDetail>(visitApi.list, { enterpriseId: v.enterpriseId, ...body });
      message.success(t.saved);
      navigate(visitPages.visit(saved.id));
    },
    mapField,
  );

  const back = visit ? visitPages.visit(visit.id) : visitPages.list;
  if (!visit && options && options.length === 0)
    return (
      <div>
        <PageHeader title={t.createTitle} extra={<LinkButton to={back}>{t.back}</LinkButton>} />
        <Alert type="info" showIcon title={t.noEnterprises} />
      </div>
    );
  if (visit && !visit.permissions.edit)
    return (
      <div>
        <PageHeader title={t.editTitle} extra={<LinkButton to={back}>{t.back}</LinkButton>} />
        <Alert type="warning" showIcon title={m.visits.detail.locked} />
      </div>
    );

  return (
    <div>
      <PageHeader
        title={visit ? t.editTitle : t.createTitle}
        intro={visit ? visit.enterprise.name : m.visits.detail.internal}
        extra={<LinkButton to={back}>{t.back}</LinkButton>}
      />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={onFinish}
          scrollToFirstError
        >
          <FormFailure failure={failure} />
          <Row gutter={16}>
            {visit ? null : (
              <Col xs={24} md={12}>
                <Form.Item
                  name="enterpriseId"
                  label={t.enterprise}
                  rules={[{ required: true, message: t.enterpriseRequired }]}
                >
                  <Select<string>
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={enterprises.loading}
                    placeholder={t.enterprisePlaceholder}
                    options={(options ?? []).map((e) => ({
                      value: e.id,
                      label: e.name,
                      hint: e.lastVisitedOn ? t.lastVisited(e.lastVisitedOn) : t.neverVisited,
                    }))}
                    optionRender={(o) => (
                      <Flex vertical>
                        <span>{o.label}</span>
                        <Typography.Text type="secondary" className="qifu-small">
                          {(o.data as { hint: string }).hint}
                        </Typography.Text>
                      </Flex>
                    )}
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={12} md={6}>
              <Form.Item
                name="visitedOn"
                label={t.visitedOn}
                rules={[{ required: true, message: t.visitedOnRequired }]}
              >
                <DatePicker
                  className="qifu-full-width"
                  disabledDate={(d) => day(d) > today}
                  allowClear={false}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="form" label={t.form}>
                <Select<VisitForm>
                  options={VISIT_FORMS.map((f) => ({ value: f, label: m.visits.forms[f] }))}
                />
              </Form.Item>
            </Col>
          </Row>

          <Form.Item label={t.people} required={false}>
            <Form.List name="people">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((field, i) => (
                    <Flex key={field.key} gap={8} align="start" wrap>
                      <Form.Item name={[field.name, 'name']} noStyle>
                        <Input
                          placeholder={t.personName}
                          aria-label={`${t.personName} ${i + 1}`}
                          maxLength={30}
                          className="qifu-visit-person"
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'post']} noStyle>
                        <Input
                          placeholder={t.personPost}
                          aria-label={`${t.personPost} ${i + 1}`}
                          maxLength={50}
                          className="qifu-visit-person"
                        />
                      </Form.Item>
                      <Button
                        icon={<DeleteOutlined />}
                        aria-label={t.removePerson(i + 1)}
                        onClick={() => remove(field.name)}
                      />
                    </Flex>
                  ))}
                  {fields.length < VISIT_MAX_PEOPLE ? (
                    <div>
                      <Button icon={<PlusOutlined />} onClick={() => add({ name: '', post: '' })}>
                        {t.addPerson}
                      </Button>
                    </div>
                  ) : null}
                </Flex>
              )}
            </Form.List>
          </Form.Item>

          <Form.Item
            name="topics"
            label={t.topics}
            rules={[{ required: true, type: 'array', min: 1, message: t.topicsRequired }]}
          >
            <TopicPicker />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.topics !== b.topics}>
            {() =>
              (form.getFieldValue('topics') as VisitTopic[] | undefined)?.includes('other') ? (
                <Form.Item name="topicNote" label={t.topicNote}>
                  <Input maxLength={200} />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          <Form.Item
            name="discussion"
            label={t.discussion}
            rules={[{ required: true, whitespace: true, message: t.discussionRequired }]}
          >
            <Input.TextArea rows={5} maxLength={5000} showCount placeholder={t.discussionPlaceholder} />
          </Form.Item>

          <Form.Item label={t.problems} extra={t.problemsHint}>
            <Form.List name="problems">
              {(fields, { add, remove }) => (
                <Flex vertical gap={12}>
                  {fields.map((field, i) => {
                    const code = form.getFieldValue(['problems', field.name, 'appealCode']) as
                      | string
                      | undefined;
                    return (
                      <Card key={field.key} size="small" className="qifu-visit-problem">
                        <Form.Item name={[field.name, 'id']} hidden>
                          <Input />
                        </Form.Item>
                        {code ? (
                          <Alert type="info" showIcon title={t.linked(code)} className="qifu-visit-gap" />
                        ) : null}
                        <Flex gap={8} align="start" wrap>
                          <Form.Item
                            name={[field.name, 'text']}
                            className="qifu-visit-grow"
                            rules={[{ required: true, whitespace: true, message: t.problemTextRequired }]}
                          >
                            <Input.TextArea
                              rows={2}
                              maxLength={500}
                              disabled={!!code}
                              placeholder={t.problemText}
                              aria-label={`${t.problemText} ${i + 1}`}
                            />
                          </Form.Item>
                          <Form.Item name={[field.name, 'status']}>
                            <Select<VisitProblemStatus>
                              disabled={!!code}
                              aria-label={`${t.problemStatus} ${i + 1}`}
                              className="qifu-visit-status"
                              options={(code ? (['appeal'] as const) : VISIT_PROBLEM_MANUAL_STATUSES).map(
                                (s) => ({
                                  value: s,
                                  label: m.visits.problemStatuses[s],
                                }),
                              )}
                            />
                          </Form.Item>
                          {code ? null : (
                            <Button
                              icon={<DeleteOutlined />}
                              aria-label={t.removeProblem(i + 1)}
                              onClick={() => remove(field.name)}
                            />
                          )}
                        </Flex>
                      </Card>
                    );
                  })}
                  {fields.length < VISIT_MAX_PROBLEMS ? (
                    <div>
                      <Button icon={<PlusOutlined />} onClick={() => add({ text: '', status: 'following' })}>
                        {t.addProblem}
                      </Button>
                    </div>
                  ) : null}
                </Flex>
              )}
            </Form.List>
          </Form.Item>

          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item name="note" label={t.note}>
                <Input.TextArea rows={3} maxLength={2000} placeholder={t.notePlaceholder} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="nextVisitOn" label={t.nextVisitOn}>
                <DatePicker className="qifu-full-width" disabledDate={(d) => day(d) <= today} />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8} justify="end">
            <LinkButton to={back}>{m.common.cancel}</LinkButton>
            <Button type="primary" htmlType="submit" loading={submitting}>
              {t.save}
            </Button>
          </Flex>
        </Form>
      </Card>
    </div>
  );
}
