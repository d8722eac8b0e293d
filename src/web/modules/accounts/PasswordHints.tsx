import { CheckCircleFilled, CloseCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import type { PasswordPolicy } from '../../../shared/password-policy';
import { useT } from '../../app/prefs';
import { hintText, passwordClasses, passwordHints } from './password-hints';
import { usePasswordPolicy } from './usePasswordPolicy';

/** The password rules of the configured policy, ticked off as the user types (announced politely). */
export function PasswordHints({ password, phone }: { password: string; phone?: string | null }) {
  return <PasswordHintList password={password} phone={phone} policy={usePasswordPolicy()} />;
}

/** The hints for a given policy (the part without the network, so it can be rendered on its own). */
export function PasswordHintList({
  password,
  phone,
  policy,
}: {
  password: string;
  phone?: string | null | undefined;
  policy: PasswordPolicy;
}) {
  const m = useT();
  const hints = passwordHints(password, policy, phone);
  const classes = passwordClasses(password);
  const used = (Object.keys(classes) as (keyof typeof classes)[]).filter((k) => classes[k]);
  return (
    <div className="qifu-password-hints" aria-live="polite">
      <ul>
        {hints.map((h) => (
          <li key={h.key} className={h.ok ? 'is-ok' : h.warn ? 'is-bad' : 'is-pending'}>
            {h.ok ? (
              <CheckCircleFilled aria-hidden="true" />
            ) : h.warn ? (
              <CloseCircleFilled aria-hidden="true" />
            ) : (
              <CloseCircleOutlined aria-hidden="true" />
            )}
            <span>{hintText(m, h.key, policy)}</span>
            <span className="qifu-visually-hidden">{h.ok ? m.password.met : m.password.notMet}</span>
          </li>
        ))}
      </ul>
      <div className="qifu-password-classes">
        {m.password.classesUsed(
          used.map((k) => m.password.classNames[k]).join(m.common.listJoin) || m.password.none,
        )}
      </div>
    </div>
  );
}
