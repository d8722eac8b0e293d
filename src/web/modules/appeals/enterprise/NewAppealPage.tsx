import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Grid,
  Input,
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useNavigate } from 'react-router';
import type { AppealType } from '../../../../shared/appeals';
import type { Page } from '../../../app/api';
import { FormFailure, LinkButton, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { EnterpriseSubnav } from '../../policies/enterprise/EnterpriseSubnav';
import { postIdempotent } from '../client';
import { AppealUploadsField, attachmentsFieldPath } from '../components/AppealFiles';
import { SimilarPanel } from '../components/SimilarPanel';
import { useIdempotencyKey } from '../idempotency';
import { buildSubmitBody, type IntakeValues } from '../intake';
import { APPEAL_CONTENT_MAX, APPEAL_TITLE_MAX, CONTACT_NAME_MAX, CONTACT_PHONE_MAX, TYPES } from '../limits';
import { appealApi, appealPages } from '../paths';
import { replyWorkdays } from '../sla';
import { topicList, topicOptions } from '../topics';
import type { AppealDetail, AppealTopic } from '../types';
import { useDebounced } from '../useDebounced';
import '../appeals.css';

/** /enterprise/appeals/new — 提交诉求: the intake form, with similar appeals and answers shown as the user types. */
export function NewAppealPage() {
  const m = useT();
  const t = m.appeals.form;
  const { user } = useSession();
  if (!user?.enterprise) {
    return (
      <div className="qifu-container qifu-page">
        <PageHeader title={t.title} />
        <EnterpriseSubnav />
        <Alert
          type="info"
          showIcon
          title={t.unbound}
          action={
            <LinkButton type="primary" to="/enterprise">
              {m.appeals.list.toCenter}
            </LinkButton>
          }
        />
      </div>
    );
  }
  return <IntakeForm contactName={user.displayName} />;
}

function IntakeForm({ contactName }: { contactName: string }) {
  const m = useT();
  const t = m.appeals.form;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  const [form] = Form.useForm<IntakeValues>();
  const key = useIdempotencyKey();
  const topics = useApi<Page<AppealTopic>>(appealApi.topics);
  const catalogue = topicList(topics.data);
  const type = Form.useWatch('type', form) as AppealType | undefined;
  const topicCode = Form.useWatch('topicCode', form) as string | undefined;
  const title = (Form.useWatch('title', form) as string | undefined) ?? '';
  const content = (Form.useWatch('content', form) as string | undefined) ?? '';
  const topic = catalogue.find((tp) => tp.code === topicCode);
  const probe = useDebounced(`${title.trim()} ${content.trim()}`.trim(), 600);

  const { onFinish, submitting, failure } = useFormSubmit(
    form,
    async (v: IntakeValues) => {
      // The same key for every attempt of this form: a double click or a retry after a lost answer returns the
      // appeal the first attempt created.
      const appeal = await postIdempotent<AppealDetail>(appealApi.appeals, buildSubmitBody(v), key.value);
      message.success(t.submitted(appeal.code));
      navigate(appealPages.appeal(appeal.id), { replace: true });
    },
    attachmentsFieldPath,
  );
  const count = content.length;

  const similar = <SimilarPanel text={probe} topicCode={topicCode} />;

  return (
    <div className="qifu-container qifu-page qifu-appeals">
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={<LinkButton to={appealPages.mine}>{m.appeals.detail.back}</LinkButton>}
      />
      <EnterpriseSubnav />
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={15}>
          <Card>
            <FormFailure failure={failure} />
            <Form<IntakeValues>
              form={form}
              layout="vertical"
              onFinish={onFinish}
              disabled={submitting}
              scrollToFirstError
              initialValues={{ isPublic: false, attachments: [], contactName }}
            >
              <Form.Item
                name="type"
                label={t.type}
                rules={[{ required: true, message: t.chooseType }]}
                extra={
                  type ? (
                    <span>
                      {t.typeHelp[type]}
                      {m.appeals.sla.sep}
                      {t.replyClock(replyWorkdays(type, topic?.sla))}
                    </span>
                  ) : undefined
                }
              >
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  className="qifu-appeal-types"
                  options={TYPES.map((ty) => ({ value: ty, label: m.appeals.types[ty] }))}
                />
              </Form.Item>
              <Form.Item
                name="topicCode"
                label={t.topic}
                extra={topic ? t.topicLead(topic.leadDepartment.name) : t.topicHelp}
              >
                <Select<string>
                  allowClear
                  showSearch={{ optionFilterProp: 'search' }}
                  placeholder={t.topicPlaceholder}
                  loading={topics.loading}
                  options={topicOptions(catalogue)}
                  optionRender={(o) => {
                    const tp = catalogue.find((c) => c.code === o.value);
                    return (
                      <div className="qifu-appeal-topic-option">
                        <div>{o.label}</div>
                        {tp?.description ? (
                          <Typography.Text type="secondary" className="qifu-small">
                            {tp.description}
                          </Typography.Text>
                        ) : null}
                      </div>
                    );
                  }}
                />
              </Form.Item>
              <Form.Item
                name="title"
                label={t.subject}
                rules={[{ required: true, whitespace: true, message: t.required(t.subject) }]}
              >
                <Input maxLength={APPEAL_TITLE_MAX} showCount placeholder={t.subjectPlaceholder} />
              </Form.Item>
              <Form.Item
                name="content"
                label={t.content}
                rules={[
                  { required: true, whitespace: true, message: t.required(t.content) },
                  { max: APPEAL_CONTENT_MAX, message: t.tooLong(APPEAL_CONTENT_MAX) },
                ]}
                extra={
                  <span
                    aria-live="polite"
                    className={count > APPEAL_CONTENT_MAX ? 'qifu-appeal-over' : undefined}
                  >
                    {t.count(count, APPEAL_CONTENT_MAX)}
                  </span>
                }
              >
                <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} placeholder={t.contentPlaceholder} />
              </Form.Item>
              {wide ? null : similar}
              <Form.Item name="attachments" label={t.attachments} extra={t.attachmentsHelp}>
                <AppealUploadsField disabled={submitting} />
              </Form.Item>
              <Form.Item name="isPublic" label={t.isPublic} valuePropName="checked" extra={t.isPublicHelp}>
                <Switch />
              </Form.Item>
              <Typography.Title level={5}>{t.contact}</Typography.Title>
              <Typography.Paragraph type="secondary" className="qifu-small">
                {t.contactHelp}
              </Typography.Paragraph>
              <Row gutter={16}>
                <Col xs={24} sm={12}>
                  <Form.Item name="contactName" label={t.contactName}>
                    <Input maxLength={CONTACT_NAME_MAX} autoComplete="name" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="contactPhone"
                    label={t.contactPhone}
                    rules={[{ pattern: /^[0-9+\-\s]{7,20}$/, message: t.phoneInvalid }]}
                  >
                    <Input maxLength={CONTACT_PHONE_MAX} inputMode="tel" autoComplete="tel" />
                  </Form.Item>
                </Col>
              </Row>
              <Flex gap={8} wrap>
                <Button type="primary" htmlType="submit" size="large" loading={submitting}>
                  {t.submit}
                </Button>
                <LinkButton size="large" to={appealPages.mine}>
                  {t.cancel}
                </LinkButton>
              </Flex>
            </Form>
          </Card>
        </Col>
        {wide ? (
          <Col lg={9}>
            <div className="qifu-appeal-sticky">{similar}</div>
          </Col>
        ) : null}
      </Row>
    </div>
  );
}
