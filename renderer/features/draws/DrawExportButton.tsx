import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/contract/index';
import { saveBlob } from '../../files/save-file';
import { failureMessage } from '../../rpc/rpc-failure';
import { useFetchExport, useRpcAction } from '../../rpc/use-rpc';

type Files = MethodOutput<'draws.exportFiles'>;

const FILES: { key: keyof Files; label: string }[] = [
  { key: 'pdf', label: '摇号记录（PDF，可打印存档）' },
  { key: 'record', label: '摇号记录数据（JSON，供第三方复算）' },
  { key: 'population', label: '检查对象库清单（CSV，供第三方复算）' },
  { key: 'exclusions', label: '排除对象清单（CSV）' },
  { key: 'algorithm', label: '摇号算法规范（draw-algorithm.md，复算依据）' },
];

/** 导出: the record as PDF and the files a third party replays the draw from, written to exports/ and handed over. */
export function DrawExportButton({ drawId }: { drawId: number }) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<Files | null>(null);
  const exportFiles = useRpcAction('draws.exportFiles');
  const fetchExport = useFetchExport();

  const begin = () =>
    void exportFiles.mutateAsync({ id: drawId }).then(setFiles, (e: unknown) => void message.error(failureMessage(e)));

  const handOver = (fileName: string) =>
    void fetchExport.mutateAsync(fileName).then(
      (handoff) => (handoff.kind === 'blob' ? saveBlob(handoff.blob, fileName) : void message.success(`已在文件夹中显示：${handoff.path}`)),
      (e: unknown) => void message.error(failureMessage(e)),
    );

  return (
    <>
      <Button icon={<ExportOutlined />} loading={exportFiles.isPending} onClick={begin} data-testid="draw-export">
        导出
      </Button>
      <Modal open={files !== null} title="导出摇号记录" onCancel={() => setFiles(null)} footer={null} width={720} destroyOnHidden>
        <div data-testid="draw-export-files" style={{ display: 'grid', gap: 12 }}>
          <Typography.Text type="secondary">
            文件已写入数据文件夹的 exports 目录。第三方可凭摇号记录数据与检查对象库清单独立复算：
            <br />
            <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
              casebinder draw replay --record {files?.record} --population {files?.population}
            </Typography.Text>
          </Typography.Text>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            showHeader={false}
            dataSource={files ? FILES.map((f) => ({ ...f, fileName: files[f.key] })) : []}
            columns={[
              { dataIndex: 'label', render: (label: string, f) => (f.key === 'pdf' ? <Typography.Text strong>{label}</Typography.Text> : label) },
              { dataIndex: 'fileName', width: 200, render: (name: string) => <span className="cb-code">{name}</span> },
              {
                key: 'get',
                width: 90,
                render: (_: unknown, f) => (
                  <Button size="small" type={f.key === 'pdf' ? 'primary' : 'default'} icon={<DownloadOutlined />} onClick={() => handOver(f.fileName)} data-testid={`draw-export-${f.key}`}>
                    下载
                  </Button>
                ),
              },
            ]}
          />
          <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Button onClick={() => setFiles(null)}>完成</Button>
          </Space>
        </div>
      </Modal>
    </>
  );
}
