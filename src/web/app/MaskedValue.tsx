import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import {
  isMaskedValue,
  mayReveal,
  type PersonalDataField,
  type PersonalDataKind,
  type RevealResponse,
} from '../../shared/privacy';
import { api } from './api';
import { useDescribeError } from './errors';
import { useT } from './prefs';
import { useSession } from './session';

/** `tel:` wants the digits (and a leading +); an extension written after 转 is left out. */
function telHref(phone: string): string {
  return `tel:${(phone.split(/转|ext/i)[0] ?? phone).replace(/[^\d+]/g, '')}`;
}

/**
 * A phone number as the API returned it (masked for everyone but its owner, SPEC §2.1). Beside a masked value, a
 * user whose role may reveal this kind of data (shared/privacy.ts) gets a 查看 button: it asks the server, which checks
 * the object and writes an audit record, and then shows the number as a tel: link. Nothing is kept after the page
 * is left; each reveal is one audited read.
 */
export function MaskedValue<K extends PersonalDataKind>({
  value,
  kind,
  id,
  field,
  what,
}: {
  value: string | null | undefined;
  kind: K;
  id: string;
  field: PersonalDataField<K>;
  /** What the value is, for the button's accessible name (default: phone number). */
  what?: string;
}) {
  const m = useT();
  const { user } = useSession();
  const describe = useDescribeError();
  const { message } = App.useApp();
  const target = `${kind}:${id}:${field}`;
  const [revealed, setRevealed] = useState<{ target: string; value: string } | null>(null);
  const [loading, setLoading] = useState(false);

  if (!value) return <span>—</span>;
  const clear = revealed?.target === target ? revealed.value : isMaskedValue(value) ? null : value;
  if (clear !== null)
    return (
      <a href={telHref(clear)} title={m.privacy.call(clear)}>
        {clear}
      </a>
    );

  const reveal = async () => {
    setLoading(true);
    try {
      const res = await api.post<RevealResponse>('/personal-data/reveal', { kind, id, field });
      if (res.value) setRevealed({ target, value: res.value });
      else message.info(m.privacy.nothing);
    } catch (e) {
      message.error(describe(e));
    } finally {
      setLoading(false);
    }
  };

  return (
    <span>
      <span>{value}</span>
      {user && mayReveal(user.roles, kind) ? (
        <Tooltip title={m.privacy.hint}>
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            loading={loading}
            onClick={reveal}
            aria-label={m.privacy.revealLabel(what ?? m.privacy.phone)}
          >
            {m.privacy.reveal}
          </Button>
        </Tooltip>
      ) : null}
    </span>
  );
}
