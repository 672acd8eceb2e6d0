import { EyeOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { VolumeBindingDto, VolumeDto } from '../../../shared/contract/volumes';
import { dateTimeText } from '../inspections/inspection-labels';
import { PdfPreviewModal } from '../pdf-preview/PdfPreviewModal';
import { shortHash } from './volume-labels';
import { useOpenVolumeFile } from './use-open-volume-file';
import { useVolumePreview } from './use-volume-preview';

/** 装订版本: each binding is immutable (version, pages, SHA-256, who, when); 预览 shows its PDF in the app, 打开 exports and opens it. */
export function VolumeVersions({ volume: v, extra }: { volume: VolumeDto; extra?: React.ReactNode }) {
  const opener = useOpenVolumeFile();
  const preview = useVolumePreview(v.id);
  return (
    <Card size="small" title="装订版本" extra={extra} data-testid="volume-versions">
      <Table<VolumeBindingDto>
        size="small"
        rowKey="version"
        pagination={false}
        dataSource={v.bindings}
        locale={{ emptyText: '尚未装订' }}
        columns={[
          { title: '版本', dataIndex: 'version', width: 80, render: (n: number) => <Tag data-testid="binding-version">第 {n} 版</Tag> },
          { title: '页数', dataIndex: 'pages', width: 110, render: (n: number, b) => <span data-testid="binding-pages" title={`正文 ${b.contentPages} 页`}>{n}（正文 {b.contentPages}）</span> },
          { title: 'SHA-256', dataIndex: 'sha256', width: 130, render: (s: string) => <Typography.Text className="cb-code" copyable={{ text: s }} title={s}>{shortHash(s)}</Typography.Text> },
          { title: '装订人', dataIndex: 'boundByName', width: 90, render: (n: string | null) => n ?? '—' },
          { title: '装订时间', dataIndex: 'boundAt', width: 140, render: dateTimeText },
          { title: '不齐全装订理由', dataIndex: 'incompleteReason', ellipsis: true, render: (r: string | null) => r ?? '—' },
          {
            key: 'open',
            width: 160,
            render: (_: unknown, b) => (
              <Space size={4}>
                <Button size="small" icon={<EyeOutlined />} onClick={() => preview.show(b.version, false, `${v.targetName} · 装订第 ${b.version} 版（${b.pages} 页）`)} data-testid="binding-preview">
                  预览
                </Button>
                <Button size="small" icon={<FilePdfOutlined />} disabled={opener.busy} onClick={() => void opener.open(v.id, b.version)} data-testid="binding-open">
                  打开
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <PdfPreviewModal source={preview.source} title={preview.title} onClose={preview.close} />
    </Card>
  );
}
