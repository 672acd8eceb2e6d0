import { Form, Input, Modal, Select, Typography } from 'antd';
import type { VolumeDocType } from '../../../shared/domain/volumes/volumes';
import { useOpenExportedPdf } from '../../files/use-open-exported-pdf';
import { useRpcMutation } from '../../rpc/use-rpc';
import { DOC_TYPE_OPTIONS } from '../volumes/volume-labels';
import { testId } from './scan-labels';
import { VolumePicker } from './VolumePicker';

type Values = { volumeId: number | null; docType: VolumeDocType; title?: string };

/** 条码分隔页: a QR sheet naming a volume and a document type, put in front of those pages in a mixed stack. */
export function SeparatorSheetModal({ open, onClose, volumeId = null }: { open: boolean; onClose(): void; volumeId?: number | null }) {
  const [form] = Form.useForm<Values>();
  const sheet = useRpcMutation('scans.separatorSheet');
  const { open: openPdf, busy } = useOpenExportedPdf(sheet);

  const submit = async () => {
    const v = await form.validateFields();
    if (v.volumeId === null) return;
    await openPdf({ volumeId: v.volumeId, docType: v.docType, title: v.title?.trim() ? v.title.trim() : null });
  };

  return (
    <Modal
      open={open}
      title="打印条码分隔页"
      okText="生成并打开"
      cancelText="关闭"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={testId('separator-ok')}
      width={560}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        把分隔页放在同一份文件的第一页之前，混合扫描时程序据二维码自动拆分，并把其后的页面归入所选专卷和文件类型；分隔页本身不归档。
      </Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ flex: '88px' }} initialValues={{ volumeId, docType: 'evidence' }} name="separator-sheet">
        <Form.Item name="volumeId" label="专卷" rules={[{ required: true, message: '请选择专卷' }]}>
          <VolumePicker testId="separator-volume" />
        </Form.Item>
        <Form.Item name="docType" label="文件类型" rules={[{ required: true, message: '请选择文件类型' }]}>
          <Select options={DOC_TYPE_OPTIONS} virtual={false} data-testid="separator-doc-type" aria-label="文件类型" />
        </Form.Item>
        <Form.Item name="title" label="题名" extra="可不填；填写后拆出的文件以此为题名" style={{ marginBottom: 0 }}>
          <Input maxLength={300} data-testid="separator-title" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
