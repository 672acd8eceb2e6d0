import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Select, Space, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { MonthlyReportRowDto } from '../../../shared/contract/reports';
import { RESULT_CATEGORIES, RESULT_CATEGORY_LABELS } from '../../../shared/domain/inspections/inspections';
import { saveBlob } from '../../files/save-file';
import { navigate } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useFetchExport, useRpc, useRpcAction } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';
import { positiveInt } from '../directory/list-params';
import { entryRate, publicationRate, rateText } from './report-math';
import { ReportBars } from './ReportBars';

type Row = Omit<MonthlyReportRowDto, 'bureauId' | 'bureauName' | 'divisionCode'> & { key: string; bureauName: string };

const COLUMNS: TableColumnsType<Row> = [
  { title: '单位', dataIndex: 'bureauName', width: 200, fixed: 'left', render: (n: string, r) => (r.key === 'total' ? <strong>{n}</strong> : n) },
  { title: '任务', dataIndex: 'tasks', width: 60, align: 'right' },
  { title: '抽取户数', dataIndex: 'drawn', width: 80, align: 'right' },
  { title: '已检查', dataIndex: 'inspected', width: 70, align: 'right' },
  { title: '未发现问题', key: 'no_problem', width: 90, align: 'right', render: (_: unknown, r) => r.byCategory.no_problem ?? 0 },
  { title: '发现问题', key: 'problems', width: 80, align: 'right', render: (_: unknown, r) => problemCount(r) },
  { title: '按时录入率', key: 'entry', width: 90, align: 'right', render: (_: unknown, r) => rateText(entryRate(r)) },
  { title: '按时公示率', key: 'pub', width: 90, align: 'right', render: (_: unknown, r) => rateText(publicationRate(r)) },
  { title: '逾期录入', dataIndex: 'entryLate', width: 80, align: 'right' },
  { title: '逾期公示', dataIndex: 'publishedLate', width: 80, align: 'right' },
  { title: '后续处置未完结', dataIndex: 'openFollowUps', width: 110, align: 'right' },
];

const PROBLEM_KEYS = ['unpublished_info', 'false_info', 'unreachable', 'obstructed', 'corrected', 'pending_follow_up'] as const;
function problemCount(r: Row): number {
  return PROBLEM_KEYS.reduce((sum, k) => sum + (r.byCategory[k] ?? 0), 0);
}

/** 月报表: per bureau under the chosen one, with totals, two bar charts and the XLSX export. */
export function MonthlyReportPage({ params }: { params: URLSearchParams }) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const { message } = App.useApp();
  const raw = params.get('month');
  const month = raw && /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : dayjs().format('YYYY-MM');
  const bureauId = positiveInt(params.get('bureau')) ?? user.bureauId;
  const go = (patch: { month?: string; bureau?: number }) => navigate(`/reports?month=${patch.month ?? month}&bureau=${patch.bureau ?? bureauId}`, { replace: true });
  const report = useRpc('reports.monthly', { bureauId, month }, { placeholderData: keepPreviousData });
  const exportMonthly = useRpcAction('reports.exportMonthly');
  const fetchExport = useFetchExport();
  const data = report.data;
  const rows: Row[] = data ? [...data.rows.map((r) => ({ ...r, key: String(r.bureauId) })), { ...data.total, key: 'total', bureauName: '合计' }] : [];

  const download = () =>
    void exportMonthly
      .mutateAsync({ bureauId, month })
      .then(async ({ fileName }) => {
        const handoff = await fetchExport.mutateAsync(fileName);
        if (handoff.kind === 'blob') saveBlob(handoff.blob, fileName);
        else void message.success(`已在文件夹中显示：${handoff.path}`);
      })
      .catch((e: unknown) => void message.error(failureMessage(e)));

  return (
    <Card
      title="月报表"
      data-testid="reports-page"
      extra={
        <Button icon={<DownloadOutlined />} onClick={download} loading={exportMonthly.isPending} disabled={!data} data-testid="reports-export">
          导出 XLSX
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker picker="month" value={dayjs(month + '-01')} allowClear={false} onChange={(d) => d && go({ month: d.format('YYYY-MM') })} data-testid="reports-month" />
        <Select value={bureauId} onChange={(b: number) => go({ bureau: b })} options={bureauOptions(bureaus.within(user.bureauId))} style={{ width: 260 }} aria-label="单位" data-testid="reports-bureau" />
      </Space>
      {report.error ? <Alert type="error" showIcon title={failureMessage(report.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<Row> size="small" rowKey="key" loading={report.isFetching && !data} dataSource={rows} columns={COLUMNS} pagination={false} scroll={{ x: 1030 }} data-testid="reports-table" />
      {data ? (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: 32, marginTop: 24 }}>
          <ReportBars
            title="检查结果分类（户次）"
            testId="reports-by-category"
            bars={RESULT_CATEGORIES.filter((c) => (data.total.byCategory[c] ?? 0) > 0).map((c) => ({ key: c, label: RESULT_CATEGORY_LABELS[c], value: data.total.byCategory[c] ?? 0 }))}
          />
          <ReportBars
            title="按时率（%）"
            testId="reports-on-time"
            max={100}
            unit="%"
            bars={data.rows.filter((r) => entryRate(r) !== null || publicationRate(r) !== null).flatMap((r) => [
              { key: `${r.bureauId}-entry`, label: `${r.bureauName} · 录入`, value: entryRate(r), color: '#1d4f91' },
              { key: `${r.bureauId}-pub`, label: `${r.bureauName} · 公示`, value: publicationRate(r), color: '#389e0d' },
            ])}
          />
        </div>
      ) : null}
    </Card>
  );
}
