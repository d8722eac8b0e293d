import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { useT } from '../../app/prefs';
import { passwordClasses, passwordHints } from './password-hints';

/** The password rules, ticked off as the user types (announced politely to screen readers). */
export function PasswordHints({ password, phone }: { password: string; phone?: string | null }) {
  const m = useT();
  const hints = passwordHints(password, phone);
  const classes = passwordClasses(password);
  const used = (Object.keys(classes) as (keyof typeof classes)[]).filter((k) => classes[k]);
  return (
    <div className="qifu-password-hints" aria-live="polite">
      <ul>
        {hints.map((h) => (
          <li key={h.key} className={h.ok ? 'is-ok' : 'is-pending'}>
            {h.ok ? <CheckCircleFilled aria-hidden="true" /> : <CloseCircleOutlined aria-hidden="true" />}
            <span>{m.password.hints[h.key]}</span>
            <span className="qifu-visually-hidden">{h.ok ? m.password.met : m.password.notMet}</span>
          </li>
        ))}
      </ul>
      <div className="qifu-password-classes">
        {m.password.classesUsed(
          used.map((k) => m.password.classNames[k]).join(m.common.listJoin) || m.password.none,
        )}
      </div>
      <div className="qifu-password-note">{m.password.commonNote}</div>
    </div>
  );
}
