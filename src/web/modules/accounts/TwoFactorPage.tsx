import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { formatShanghai } from '../../../shared/format';
import type { RecoveryCodes, TotpEnrolment, TotpStatus } from '../../../shared/totp';
import { api } from '../../app/api';
import { FormFailure, LoadError, PageHeader } from '../../app/components';
import { useT } from '../../app/prefs';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { RecoveryCodeItem, TotpCodeItem } from './SecondFactorFields';
import './two-factor.css';

/** Below this many unused recovery codes the page suggests new ones. */
const FEW_RECOVERY_CODES = 3;

const digits = (code: string | undefined) => (code ?? '').replace(/\s/g, '');

/**
 * 两步验证 of a staff user (SPEC §2.1): turn it on (password → QR code and key shown once → first code → recovery
 * codes shown once), see since when it is on, get new recovery codes, turn it off. Reached from the account menu
 * beside 修改密码.
 */
export function TwoFactorPage() {
  const m = useT();
  const status = useApi<TotpStatus>('/auth/totp');
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<RecoveryCodes | null>(null);

  let body: ReactNode;
  if (codes) {
    body = (
      <RecoveryCodesCard
        codes={codes.recoveryCodes}
        account={enrolment?.accountName}
        onDone={() => {
          setCodes(null);
          setEnrolment(null);
          status.reload();
        }}
      />
    );
  } else if (enrolment) {
    body = (
      <EnrolmentCard
        enrolment={enrolment}
        onConfirmed={setCodes}
        onCancel={() => {
          setEnrolment(null);
          status.reload();
        }}
      />
    );
  } else if (status.error) {
    body = <LoadError error={status.error} onRetry={status.reload} />;
  } else if (!status.data) {
    body = <Spin />;
  } else if (status.data.enabled) {
    body = <EnabledCards status={status.data} onCodes={setCodes} onDisabled={status.reload} />;
  } else {
    body = <StartCard onStarted={setEnrolment} />;
  }

  return (
    <div className="qifu-container qifu-page qifu-narrow">
      <PageHeader title={m.twoFactor.title} intro={m.twoFactor.intro} />
      {body}
    </div>
  );
}

function StartCard({ onStarted }: { onStarted(e: TotpEnrolment): void }) {
  const m = useT();
  const [form] = Form.useForm<{ password: string }>();
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v) => {
    onStarted(await api.post<TotpEnrolment>('/auth/totp/enrolment', { password: v.password }));
  });
  return (
    <Card title={m.twoFactor.startTitle}>
      <Descriptions column={1} className="qifu-form-alert">
        <Descriptions.Item label={m.twoFactor.status}>
          <Tag>{m.twoFactor.off}</Tag>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">{m.twoFactor.startIntro}</Typography.Paragraph>
      <FormFailure failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="password"
          label={m.auth.currentPassword}
          rules={[{ required: true, message: m.auth.passwordRequired }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} icon={<SafetyCertificateOutlined />}>
          {m.twoFactor.startSubmit}
        </Button>
      </Form>
    </Card>
  );
}

function EnrolmentCard({
  enrolment,
  onConfirmed,
  onCancel,
}: {
  enrolment: TotpEnrolment;
  onConfirmed(codes: RecoveryCodes): void;
  onCancel(): void;
}) {
  const m = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v) => {
    const codes = await api.post<RecoveryCodes>('/auth/totp/enrolment/confirm', { code: digits(v.code) });
    message.success(m.twoFactor.enabledNow);
    onConfirmed(codes);
  });
  return (
    <Card title={m.twoFactor.startTitle}>
      <section className="qifu-totp-section" aria-labelledby="totp-scan">
        <Typography.Title level={5} id="totp-scan">
          {m.twoFactor.scanTitle}
        </Typography.Title>
        <Typography.Paragraph>{m.twoFactor.scanHint}</Typography.Paragraph>
        <img className="qifu-totp-qr" src={enrolment.qrCode} alt={m.twoFactor.qrAlt} />
        <Typography.Paragraph type="secondary" className="qifu-totp-section">
          {m.twoFactor.manualHint}
        </Typography.Paragraph>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={m.twoFactor.issuer}>{enrolment.issuer}</Descriptions.Item>
          <Descriptions.Item label={m.twoFactor.account}>{enrolment.accountName}</Descriptions.Item>
          <Descriptions.Item label={m.twoFactor.secret}>
            <Typography.Text
              className="qifu-totp-secret"
              data-testid="totp-secret"
              copyable={{ text: enrolment.secret.replace(/\s/g, '') }}
            >
              {enrolment.secret}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </section>
      <section className="qifu-totp-section" aria-labelledby="totp-code">
        <Typography.Title level={5} id="totp-code">
          {m.twoFactor.codeTitle}
        </Typography.Title>
        <Typography.Paragraph>
          {m.twoFactor.codeHint} {m.twoFactor.expiresAt(formatShanghai(enrolment.expiresAt))}
        </Typography.Paragraph>
        <FormFailure failure={failure} />
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <TotpCodeItem />
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={submitting}>
              {m.twoFactor.confirmSubmit}
            </Button>
            <Button onClick={onCancel}>{m.twoFactor.cancelSetup}</Button>
          </Flex>
        </Form>
      </section>
    </Card>
  );
}

/** The recovery codes, shown this once: a list to copy or download, and a button to say they are kept. */
function RecoveryCodesCard({
  codes,
  account,
  onDone,
}: {
  codes: string[];
  account: string | undefined;
  onDone(): void;
}) {
  const m = useT();
  const { user } = useSession();
  const who = account ?? user?.username ?? user?.displayName ?? '';
  const text = [m.twoFactor.codesFileHeader(who), m.twoFactor.codesFileNote, '', ...codes, ''].join('\n');
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'qifu-recovery-codes.txt';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Card title={m.twoFactor.codesTitle}>
      <Alert type="warning" showIcon className="qifu-form-alert" title={m.twoFactor.codesIntro} />
      <ul className="qifu-totp-codes" aria-label={m.auth.recoveryCode}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <Flex gap={12} wrap align="center">
        <Button icon={<DownloadOutlined />} onClick={download}>
          {m.twoFactor.download}
        </Button>
        <Typography.Text copyable={{ text: codes.join('\n') }}>{m.twoFactor.copy}</Typography.Text>
        <Button type="primary" onClick={onDone}>
          {m.twoFactor.codesSaved}
        </Button>
      </Flex>
    </Card>
  );
}

function EnabledCards({
  status,
  onCodes,
  onDisabled,
}: {
  status: TotpStatus;
  onCodes(codes: RecoveryCodes): void;
  onDisabled(): void;
}) {
  const m = useT();
  const { message } = App.useApp();
  const [regenForm] = Form.useForm<{ code: string }>();
  const regen = useFormSubmit(regenForm, async (v) => {
    onCodes(await api.post<RecoveryCodes>('/auth/totp/recovery-codes', { code: digits(v.code) }));
  });
  const [useRecovery, setUseRecovery] = useState(false);
  const [offForm] = Form.useForm<{ password: string; code?: string; recoveryCode?: string }>();
  const off = useFormSubmit(offForm, async (v) => {
    await api.post(
      '/auth/totp/disable',
      useRecovery
        ? { password: v.password, recoveryCode: (v.recoveryCode ?? '').trim() }
        : { password: v.password, code: digits(v.code) },
    );
    message.success(m.twoFactor.disabledNow);
    onDisabled();
  });

  return (
    <>
      <Card>
        <Descriptions column={1}>
          <Descriptions.Item label={m.twoFactor.status}>
            <Tag color="green" icon={<SafetyCertificateOutlined />}>
              {m.twoFactor.on}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={m.twoFactor.enabledAt}>
            {status.enabledAt ? formatShanghai(status.enabledAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={m.twoFactor.recoveryRemaining}>
            {m.twoFactor.recoveryCount(status.recoveryCodesRemaining)}
          </Descriptions.Item>
        </Descriptions>
        {status.recoveryCodesRemaining <= FEW_RECOVERY_CODES ? (
          <Alert type="warning" showIcon title={m.twoFactor.recoveryLow} />
        ) : null}
      </Card>
      <Card title={m.twoFactor.regenerateTitle} className="qifu-totp-section">
        <Typography.Paragraph type="secondary">{m.twoFactor.regenerateIntro}</Typography.Paragraph>
        <FormFailure failure={regen.failure} />
        <Form form={regenForm} layout="vertical" onFinish={regen.onFinish} requiredMark={false}>
          <TotpCodeItem />
          <Button htmlType="submit" loading={regen.submitting}>
            {m.twoFactor.regenerateSubmit}
          </Button>
        </Form>
      </Card>
      <Card title={m.twoFactor.disableTitle} className="qifu-totp-section">
        <Typography.Paragraph type="secondary">{m.twoFactor.disableIntro}</Typography.Paragraph>
        <FormFailure failure={off.failure} />
        <Form form={offForm} layout="vertical" onFinish={off.onFinish} requiredMark={false}>
          <Form.Item
            name="password"
            label={m.auth.currentPassword}
            rules={[{ required: true, message: m.auth.passwordRequired }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {useRecovery ? <RecoveryCodeItem /> : <TotpCodeItem />}
          <Flex gap={8} align="center" wrap>
            <Button danger htmlType="submit" loading={off.submitting}>
              {m.twoFactor.disableSubmit}
            </Button>
            <Button
              type="link"
              className="qifu-totp-link"
              onClick={() => {
                setUseRecovery((v) => !v);
                offForm.setFieldsValue({ code: '', recoveryCode: '' });
              }}
            >
              {useRecovery ? m.twoFactor.useCode : m.twoFactor.useRecovery}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
