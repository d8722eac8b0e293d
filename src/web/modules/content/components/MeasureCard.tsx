import { Collapse, Flex, Progress, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatShanghai } from '../../../../shared/format';
import { useT } from '../../../app/prefs';
import type { Measure } from '../types';
import { MeasureStatusTag } from './tags';

/**
 * One measure of the action plan as the public reads it (and the editor sees it): 序号, title, content, the
 * responsible department, deadline, status, progress and the progress notes behind a toggle.
 */
export function MeasureCard({ measure: ms, actions }: { measure: Measure; actions?: ReactNode }) {
  const m = useT();
  const t = m.content.plan;
  const titleId = `measure-${ms.id}`;
  return (
    <article className={`qifu-cnt-measure is-${ms.status}`} aria-labelledby={titleId}>
      <Flex gap={12} align="start">
        <span className="qifu-cnt-seq">
          <span className="qifu-visually-hidden">{t.seq}</span>
          {ms.seq}
        </span>
        <div className="qifu-grow">
          <Flex gap={8} wrap align="center" justify="space-between">
            <h3 className="qifu-cnt-measure-title" id={titleId}>
              {ms.title}
            </h3>
            <MeasureStatusTag status={ms.status} />
          </Flex>
          {ms.content ? <p className="qifu-cnt-measure-content qifu-prewrap">{ms.content}</p> : null}
          <dl className="qifu-cnt-facts">
            <div>
              <dt>{t.department}</dt>
              <dd>{ms.departmentName}</dd>
            </div>
            <div>
              <dt>{t.deadline}</dt>
              <dd className={ms.status === 'delayed' ? 'qifu-cnt-late' : undefined}>{ms.deadline}</dd>
            </div>
          </dl>
          <Flex gap={8} align="center" className="qifu-cnt-progress">
            <span className="qifu-small qifu-cnt-progress-label">{t.progress}</span>
            <Progress
              percent={ms.progress}
              size="small"
              status={ms.status === 'delayed' ? 'exception' : ms.status === 'done' ? 'success' : 'active'}
              format={(p) => `${p ?? 0}%`}
              aria-label={t.progressOf(ms.title)}
              className="qifu-grow"
            />
          </Flex>
          <Collapse
            ghost
            size="small"
            className="qifu-cnt-notes"
            items={[
              {
                key: 'notes',
                label: t.notes(ms.notes.length),
                children:
                  ms.notes.length === 0 ? (
                    <Typography.Text type="secondary">{t.noNotes}</Typography.Text>
                  ) : (
                    <ol className="qifu-cnt-note-list">
                      {ms.notes.map((n) => (
                        <li key={n.id}>
                          <Typography.Text type="secondary" className="qifu-small">
                            {formatShanghai(n.at)}
                            {n.authorName ? ` · ${n.authorName}` : ''}
                          </Typography.Text>
                          <p className="qifu-prewrap">{n.text}</p>
                        </li>
                      ))}
                    </ol>
                  ),
              },
            ]}
          />
          {actions ? (
            <Flex gap={8} wrap className="qifu-cnt-measure-actions">
              {actions}
            </Flex>
          ) : null}
        </div>
      </Flex>
    </article>
  );
}
