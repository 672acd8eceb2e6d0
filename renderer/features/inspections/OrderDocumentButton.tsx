import { FileAddOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import type { CorrectionDto, InspectionDto } from '../../../shared/contract/inspections';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';
import type { InspectionPermissions } from './inspection-permissions';
import { useOpenDocument } from './use-open-document';

/** 责令改正通知书 of one correction: generate (a new version with the next 文号) and open it, or print the latest. */
export function OrderDocumentButton({ inspection: i, correction: c, can }: { inspection: InspectionDto; correction: CorrectionDto; can: InspectionPermissions }) {
  const { message } = App.useApp();
  const render = useRpcMutation('documents.render');
  const opener = useOpenDocument();
  const generate = () =>
    void render.mutateAsync({ inspectionId: i.id, kind: 'order', correctionId: c.id }).then(
      (doc) => opener.open(doc.id),
      (e: unknown) => void message.error(failureMessage(e)),
    );
  return (
    <>
      {c.documentId ? (
        <Button size="small" icon={<PrinterOutlined />} loading={opener.busy} onClick={() => void opener.open(c.documentId!)} data-testid="order-print">
          打印通知书
        </Button>
      ) : null}
      {can.edit ? (
        <Button size="small" icon={<FileAddOutlined />} loading={render.isPending} onClick={generate} data-testid="order-render">
          {c.documentId ? '重新生成' : '生成责令改正通知书'}
        </Button>
      ) : null}
    </>
  );
}
