import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tag, Typography } from 'antd';
import type { ScanPageDto } from '../../../shared/contract/scans';
import { confidenceText, formatTime } from './scan-labels';
import type { useTextDraft } from './use-text-draft';

const SOURCE = { ocr: 'OCR 识别', pdf: 'PDF 文字层', correction: '人工校对' } as const;

/** 校对文字: the editor (Ctrl+S saves a new version; the OCR original stays) and the version history. */
export function TextCorrection({ page, draft, canEdit }: { page: ScanPageDto; draft: ReturnType<typeof useTextDraft>; canEdit: boolean }) {
  const ready = page.status === 'done' || page.status === 'failed';
  return (
    <div style={{ display: 'grid', gap: 8 }}>
      <Input.TextArea
        value={draft.draft}
        onChange={(e) => draft.setDraft(e.target.value)}
        readOnly={!canEdit || !ready}
        autoSize={{ minRows: 6, maxRows: 14 }}
        maxLength={100_000}
        onKeyDown={(e) => {
          if (e.key === 'Escape') (e.target as HTMLTextAreaElement).blur();
        }}
        aria-label="校对文字"
        data-testid="page-text"
        style={{ fontSize: 15, lineHeight: 1.7 }}
      />
      {canEdit ? (
        <Space wrap>
          <Button type="primary" icon={<SaveOutlined />} disabled={!draft.dirty || !ready} loading={draft.saving} onClick={() => void draft.save()} data-testid="page-text-save">
            保存校对（Ctrl+S）
          </Button>
          <Button icon={<UndoOutlined />} disabled={!draft.dirty} onClick={draft.reset} data-testid="page-text-reset">
            撤销修改
          </Button>
          {draft.dirty ? (
            <Typography.Text type="warning" data-testid="page-text-dirty">
              有未保存的修改
            </Typography.Text>
          ) : null}
        </Space>
      ) : null}
      <Typography.Text strong style={{ marginTop: 8 }}>
        文字版本
      </Typography.Text>
      <ol style={{ margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: 4 }} data-testid="page-versions">
        {[...page.versions].reverse().map((v, i) => (
          <li key={v.version} style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }} data-testid="page-version" data-source={v.source}>
            <Typography.Text strong style={{ minWidth: 48 }}>
              第 {v.version} 版
            </Typography.Text>
            <Tag color={v.source === 'correction' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
              {SOURCE[v.source]}
            </Tag>
            {v.source === 'correction' ? <Typography.Text>{v.createdByName ?? '—'}</Typography.Text> : <Typography.Text type="secondary">置信度 {confidenceText(v.confidence)}</Typography.Text>}
            <Typography.Text type="secondary">{formatTime(v.createdAt)}</Typography.Text>
            {i === 0 ? <Tag color="success">当前</Tag> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
