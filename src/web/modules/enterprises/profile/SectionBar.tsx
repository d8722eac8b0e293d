import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The line above a profile section's table: what the section holds, and its action for those who may edit. */
export function SectionBar({ intro, action }: { intro: string; action?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={8}>
      <Typography.Text type="secondary">{intro}</Typography.Text>
      {action ?? null}
    </Flex>
  );
}
