import { FileDoneOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { VolumeArchiveDto } from '../../../shared/contract/archives';
import { useOpenExportedPdf } from '../../files/use-open-exported-pdf';
import { useRpcAction } from '../../rpc/use-rpc';

/**
 * Printed outputs of an archived volume: the archived file (cover with the 档号, 备考表 with the 补充件),
 * its spine label and its box's label (the volumes now in the same box). The archived file is made by a
 * job after archiving and after each 补充件: until it exists the record is refreshed every few seconds.
 */
export function ArchivePrintButtons({ archive: a }: { archive: VolumeArchiveDto }) {
  const queryClient = useQueryClient();
  const file = useOpenExportedPdf(useRpcAction('archives.exportArchivedFile'));
  const spine = useOpenExportedPdf(useRpcAction('archives.printLabels'));
  const box = useOpenExportedPdf(useRpcAction('archives.printLabels'));
  const latest = a.files[0];
  const pending = a.fileState === 'pending'; // missing: nothing to wait for (ArchivedFileStatus offers 重新生成)

  useEffect(() => {
    if (!pending) return undefined;
    const timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: ['archives.get'] }), 3000);
    return () => clearTimeout(timer);
  }, [pending, a, queryClient]);

  const current = a.locations[0];
  return (
    <Space wrap size="small" data-testid="archive-prints">
      <Tooltip title={latest ? `第 ${latest.version} 版，依据装订第 ${latest.bindingVersion} 版生成` : pending ? '正在生成归档文件…' : '没有归档文件'}>
        <Button size="small" icon={<FileDoneOutlined />} disabled={!latest} loading={file.busy} onClick={() => void file.open({ volumeId: a.volumeId })} data-testid="archive-file-open">
          归档文件{pending && latest ? '（更新中）' : ''}
        </Button>
      </Tooltip>
      <Button size="small" icon={<PrinterOutlined />} loading={spine.busy} onClick={() => void spine.open({ volumeId: a.volumeId, kind: 'spine' })} data-testid="labels-spine">
        打印卷脊标签
      </Button>
      <Tooltip title={current ? `${current.box} 盒内各卷的清单及卷脊标签` : '请先登记存放位置（盒号）'}>
        <Button size="small" icon={<PrinterOutlined />} disabled={!current} loading={box.busy} onClick={() => void box.open({ volumeId: a.volumeId, kind: 'box' })} data-testid="labels-box">
          打印档案盒标签
        </Button>
      </Tooltip>
    </Space>
  );
}
