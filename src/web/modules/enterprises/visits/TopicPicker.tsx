import { CheckOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { VISIT_TOPICS, type VisitTopic } from '../../../../shared/visits-api';
import { useT } from '../../../app/prefs';

/**
 * The topics as checkable tags. Each is a toggle button (aria-pressed), so Tab reaches it and Space or Enter
 * checks it; antd's CheckableTag is a bare span the keyboard cannot reach.
 */
export function TopicPicker({
  value = [],
  onChange,
  id,
}: {
  value?: VisitTopic[];
  onChange?: (v: VisitTopic[]) => void;
  id?: string;
}) {
  const m = useT();
  const toggle = (t: VisitTopic) => {
    const next = value.includes(t) ? value.filter((x) => x !== t) : [...value, t];
    // Kept in the list's order, whatever the order of the clicks.
    onChange?.(VISIT_TOPICS.filter((x) => next.includes(x)));
  };
  return (
    <Flex gap={8} wrap id={id} role="group" aria-label={m.visits.editor.topics}>
      {VISIT_TOPICS.map((t) => {
        const checked = value.includes(t);
        return (
          <Button
            key={t}
            shape="round"
            type={checked ? 'primary' : 'default'}
            ghost={checked}
            icon={checked ? <CheckOutlined /> : undefined}
            aria-pressed={checked}
            onClick={() => toggle(t)}
          >
            {m.visits.topics[t]}
          </Button>
        );
      })}
    </Flex>
  );
}
