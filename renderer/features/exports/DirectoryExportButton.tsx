import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Modal, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { InspectorFilterInput } from '../../../shared/contract/inspectors';
import type { ItemFilterInput } from '../../../shared/contract/items';
import type { TargetFilterInput } from '../../../shared/contract/targets';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { saveBlob } from '../../files/save-file';
import { failureMessage } from '../../rpc/rpc-failure';
import { useFetchExport, useRpcMutation } from '../../rpc/use-rpc';
import { isJobActive } from '../jobs/job-labels';
import { JobProgress } from '../jobs/JobProgress';
import { useJob } from '../jobs/use-job';

type Format = 'csv' | 'xlsx';
type ExportResult = { fileName: string; path: string; rows: number };
type Props = { directory: 'targets'; filter: TargetFilterInput } | { directory: 'items'; filter: ItemFilterInput } | { directory: 'inspectors'; filter: InspectorFilterInput };

const TITLES = { targets: '导出检查对象名录', items: '导出检查事项清单', inspectors: '导出执法检查人员名录' } as const;

/**
 * 导出: the directory under the current filter as XLSX or CSV (with BOM, opens in Excel), written by a
 * background job into the data folder's exports/, then downloaded (web) or shown in its folder (desktop).
 */
export function DirectoryExportButton(props: Props) {
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<number | null>(null);
  const targets = useRpcMutation('targets.export');
  const items = useRpcMutation('items.export');
  const inspectors = useRpcMutation('inspectors.export');
  const fetchExport = useFetchExport();
  const job = useJob(jobId);
  const result = job.data?.state === 'succeeded' ? (job.data.result as ExportResult) : null;
  const handedOver = useRef<number | null>(null);

  const handOver = (file: ExportResult) =>
    fetchExport.mutate(file.fileName, {
      onSuccess: (handoff) => (handoff.kind === 'blob' ? saveBlob(handoff.blob, file.fileName) : void message.success(`已在文件夹中显示：${handoff.path}`)),
      onError: (e) => void message.error(failureMessage(e)),
    });

  // Hand the file over once, as soon as the job has written it.
  useEffect(() => {
    if (result && jobId !== null && handedOver.current !== jobId) {
      handedOver.current = jobId;
      handOver(result);
    }
  });

  const begin = async (format: Format) => {
    try {
      const { jobId: id } =
        props.directory === 'targets'
          ? await targets.mutateAsync({ filter: props.filter, format })
          : props.directory === 'items'
            ? await items.mutateAsync({ filter: props.filter, format })
            : await inspectors.mutateAsync({ filter: props.filter, format });
      setJobId(id);
    } catch (e) {
      void message.error(failureMessage(e));
    }
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{ items: [{ key: 'xlsx', label: '导出为 Excel（XLSX）' }, { key: 'csv', label: '导出为 CSV' }], onClick: ({ key }) => void begin(key as Format) }}
      >
        <Button icon={<ExportOutlined />} loading={targets.isPending || items.isPending || inspectors.isPending} data-testid={`${props.directory}-export`}>
          导出 <DownOutlined />
        </Button>
      </Dropdown>
      <Modal open={jobId !== null} title={TITLES[props.directory]} onCancel={() => setJobId(null)} footer={null} destroyOnHidden>
        <div data-testid="export-progress" style={{ display: 'grid', gap: 12 }}>
          {job.data ? <JobProgress job={job.data} /> : null}
          {job.data && isJobActive(job.data) ? <Typography.Text type="secondary">正在按当前筛选条件写出文件…</Typography.Text> : null}
          {job.data?.state === 'failed' ? <Alert type="error" showIcon title={MESSAGES_ZH[job.data.errorCode ?? 'INTERNAL']} /> : null}
          {result ? (
            <Alert
              type="success"
              showIcon
              data-testid="export-result"
              title={`已导出 ${result.rows} 条：${result.fileName}`}
              action={
                <Button size="small" onClick={() => handOver(result)} loading={fetchExport.isPending}>
                  再次获取
                </Button>
              }
            />
          ) : null}
          <Space style={{ justifyContent: 'flex-end', display: 'flex' }}>
            <Button type="primary" onClick={() => setJobId(null)}>
              {result ? '完成' : '在后台继续'}
            </Button>
          </Space>
        </div>
      </Modal>
    </>
  );
}
