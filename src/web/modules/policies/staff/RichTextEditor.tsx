import { Button, Flex, Input, Popover, Segmented, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useId, useRef, useState } from 'react';
import { useT } from '../../../app/prefs';
import { RichText } from '../components/RichText';
import { plainToRichHtml } from '../rich-text';
import { type Edit, linkSelection, listFromSelection, wrapSelection } from './rich-edit';

/**
 * The rich-text field of the policy editors: HTML in a textarea with a small toolbar (小标题, 加粗, 段落, 列表,
 * 链接), and a preview rendered exactly as the public page renders it. The server keeps only its allow-list, so
 * what is pasted from Word loses its styles there, not here.
 */
export function RichTextEditor({
  value = '',
  onChange,
  id,
  rows = 14,
}: {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
  rows?: number;
}) {
  const m = useT();
  const t = m.policies.richText;
  const area = useRef<TextAreaRef>(null);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('');
  const [linkError, setLinkError] = useState(false);
  const hintId = useId();

  const apply = (fn: (e: Edit) => Edit | null) => {
    const el = area.current?.resizableTextArea?.textArea;
    const e: Edit = {
      text: value,
      start: el?.selectionStart ?? value.length,
      end: el?.selectionEnd ?? value.length,
    };
    const next = fn(e);
    if (!next) return false;
    onChange?.(next.text);
    // Put the cursor back where the edit left it once React has written the new value.
    requestAnimationFrame(() => {
      const target = area.current?.resizableTextArea?.textArea;
      if (!target) return;
      target.focus();
      target.setSelectionRange(next.start, next.end);
    });
    return true;
  };

  return (
    <div className="qifu-rich-editor">
      <Flex gap={8} wrap align="center" justify="space-between" className="qifu-rich-toolbar">
        <Flex gap={4} wrap role="toolbar" aria-label={t.toolbar}>
          <Button
            size="small"
            disabled={mode !== 'edit'}
            onClick={() => apply((e) => wrapSelection(e, 'h3'))}
          >
            {t.heading}
          </Button>
          <Button
            size="small"
            disabled={mode !== 'edit'}
            onClick={() => apply((e) => wrapSelection(e, 'strong'))}
          >
            {t.bold}
          </Button>
          <Button size="small" disabled={mode !== 'edit'} onClick={() => apply((e) => wrapSelection(e, 'p'))}>
            {t.paragraph}
          </Button>
          <Button size="small" disabled={mode !== 'edit'} onClick={() => apply((e) => listFromSelection(e))}>
            {t.list}
          </Button>
          <Popover
            open={linkOpen}
            onOpenChange={(o) => {
              setLinkOpen(o);
              setLinkError(false);
            }}
            trigger="click"
            content={
              <Flex vertical gap={6} className="qifu-link-popover">
                <label htmlFor={`${hintId}-href`}>{t.linkPrompt}</label>
                <Input
                  id={`${hintId}-href`}
                  value={href}
                  status={linkError ? 'error' : undefined}
                  onChange={(e) => setHref(e.target.value)}
                  onPressEnter={() => {
                    if (apply((e) => linkSelection(e, href))) {
                      setLinkOpen(false);
                      setHref('');
                    } else setLinkError(true);
                  }}
                />
                <Button
                  size="small"
                  type="primary"
                  onClick={() => {
                    if (apply((e) => linkSelection(e, href))) {
                      setLinkOpen(false);
                      setHref('');
                    } else setLinkError(true);
                  }}
                >
                  {m.common.save}
                </Button>
              </Flex>
            }
          >
            <Button size="small" disabled={mode !== 'edit'}>
              {t.link}
            </Button>
          </Popover>
          <Tooltip title={t.fromPlainHint}>
            <Button
              size="small"
              disabled={mode !== 'edit' || !value.trim()}
              onClick={() => onChange?.(plainToRichHtml(value))}
            >
              {t.fromPlain}
            </Button>
          </Tooltip>
        </Flex>
        <Segmented<'edit' | 'preview'>
          size="small"
          value={mode}
          onChange={setMode}
          options={[
            { value: 'edit', label: t.edit },
            { value: 'preview', label: t.preview },
          ]}
        />
      </Flex>
      {mode === 'edit' ? (
        <Input.TextArea
          ref={area}
          id={id}
          rows={rows}
          value={value}
          onChange={(e) => onChange?.(e.target.value)}
          aria-describedby={hintId}
          className="qifu-code-area"
          spellCheck={false}
        />
      ) : (
        <div className="qifu-rich-preview">
          {value.trim() ? (
            <RichText html={value} />
          ) : (
            <Typography.Text type="secondary">{t.previewEmpty}</Typography.Text>
          )}
        </div>
      )}
      <Typography.Text type="secondary" id={hintId} className="qifu-small">
        {t.hint}
      </Typography.Text>
    </div>
  );
}
