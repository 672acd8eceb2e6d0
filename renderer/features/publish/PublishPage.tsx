import { CheckCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { PublicationRowDto } from '../../../shared/contract/publish';
import { saveBlob } from '../../files/save-file';
import { failureMessage } from '../../rpc/rpc-failure';
import { useFetchExport, useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { useBureaus } from '../bureaus/use-bureaus';
import { PUBLICATION_COLUMNS } from './publication-columns';
import { PublishMarkModal } from './PublishMarkModal';

type Range = [Dayjs, Dayjs];

/** 结果公示 (谁检查谁公示): reviewed results of the caller's bureau in a period, the export file and 登记已公示. */
export function PublishPage() {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const { message } = App.useApp();
  const [range, setRange] = useState<Range>(() => [dayjs().startOf('month'), dayjs()]);
  const [includePublished, setIncludePublished] = useState(false);
  const [marking, setMarking] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const input = { bureauId: user.bureauId, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), includePublished };
  const preview = useRpc('publish.preview', input, { placeholderData: keepPreviousData, staleTime: 0 });
  const exportFile = useRpcMutation('publish.export');
  const fetchExport = useFetchExport();
  const data = preview.data;

  const download = (format: 'csv' | 'xlsx') =>
    void exportFile
      .mutateAsync({ ...input, format })
      .then(async (r) => {
        setExported(`${r.fileName}（${r.inspections} 户、${r.rows} 行${r.withheld ? `；${r.withheld} 户不予公示未导出` : ''}）`);
        const handoff = await fetchExport.mutateAsync(r.fileName);
        if (handoff.kind === 'blob') saveBlob(handoff.blob, r.fileName);
        else void message.success(`已在文件夹中显示：${handoff.path}`);
      })
      .catch((e: unknown) => void message.error(failureMessage(e)));

  return (
    <Card title={`结果公示 · ${bureaus.nameOf(user.bureauId)}`} data-testid="publish-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <span>结果形成日期</span>
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} data-testid="publish-range" />
        <Checkbox checked={includePublished} onChange={(e) => setIncludePublished(e.target.checked)} data-testid="publish-include-published">
          含已公示（重新导出）
        </Checkbox>
      </Space>
      {preview.error ? <Alert type="error" showIcon title={failureMessage(preview.error)} style={{ marginBottom: 12 }} /> : null}
      <Space size={40} style={{ marginBottom: 12 }} wrap>
        <Statistic title="待公示检查结果（户）" value={data?.inspectionIds.length ?? 0} data-testid="publish-count" />
        <Statistic title="公示行数（对象 × 事项）" value={data?.rows.length ?? 0} />
        <Statistic title="不予公示（户）" value={data?.withheld ?? 0} data-testid="publish-withheld" />
        <Statistic title="备注不予公开（条）" value={data?.remarksWithheld ?? 0} />
      </Space>
      <Space wrap style={{ display: 'flex', marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} onClick={() => download('csv')} disabled={!data?.rows.length} loading={exportFile.isPending} data-testid="publish-export-csv">
          导出 CSV
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => download('xlsx')} disabled={!data?.rows.length} loading={exportFile.isPending} data-testid="publish-export-xlsx">
          导出 XLSX
        </Button>
        <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setMarking(true)} disabled={!data?.inspectionIds.length} data-testid="publish-mark">
          登记已公示
        </Button>
      </Space>
      {exported ? <Alert type="success" showIcon title={`已导出：${exported}`} style={{ marginBottom: 12 }} closable onClose={() => setExported(null)} data-testid="publish-exported" /> : null}
      <Typography.Paragraph type="secondary">
        仅列出本单位实施、已复核的检查结果；涉及国家秘密、商业秘密、个人隐私的结果和备注不予公示，不会出现在导出文件中。
      </Typography.Paragraph>
      <Table<PublicationRowDto>
        size="small"
        rowKey={(r) => `${r.inspectionId}-${r.itemName}`}
        loading={preview.isFetching && !data}
        dataSource={data?.rows ?? []}
        columns={PUBLICATION_COLUMNS}
        scroll={{ x: 1900 }}
        pagination={{ pageSize: 50, showTotal: (n) => `共 ${n} 行` }}
        locale={{ emptyText: '该期间没有待公示的检查结果' }}
        data-testid="publish-table"
      />
      <PublishMarkModal inspectionIds={data?.inspectionIds ?? []} open={marking} onClose={() => setMarking(false)} onDone={(n) => void message.success(`已登记公示 ${n} 户`)} />
    </Card>
  );
}
