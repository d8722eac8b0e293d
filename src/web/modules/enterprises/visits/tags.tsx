import { Flex, Tag } from 'antd';
import type { VisitProblemStatus, VisitTopic } from '../../../../shared/visits-api';
import { useT } from '../../../app/prefs';

const STATUS_COLORS: Record<VisitProblemStatus, string> = {
  answered: 'default',
  appeal: 'blue',
  following: 'orange',
  resolved: 'green',
};

export function ProblemStatusTag({ status }: { status: VisitProblemStatus }) {
  const m = useT();
  return <Tag color={STATUS_COLORS[status]}>{m.visits.problemStatuses[status]}</Tag>;
}

export function TopicTags({ topics }: { topics: readonly VisitTopic[] }) {
  const m = useT();
  return (
    <Flex gap={4} wrap>
      {topics.map((t) => (
        <Tag key={t} bordered={false}>
          {m.visits.topics[t]}
        </Tag>
      ))}
    </Flex>
  );
}
