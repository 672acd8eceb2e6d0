import { Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { ScanDocumentDto } from '../../../shared/contract/scans';
import type { VolumeDocType } from '../../../shared/domain/volumes/volumes';
import { applyServerError } from '../../forms/server-errors';
import { useRpcMutation } from '../../rpc/use-rpc';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { DOC_TYPE_OPTIONS } from '../volumes/volume-labels';
import { testId } from './scan-labels';
import { VolumePicker } from './VolumePicker';

type Values = { volumeId: number | null; docType: VolumeDocType; title?: string };
const FIELDS = ['volumeId', 'docType', 'title'] as const;

/** 著录: the inbox document's volume, document type and title (scans.updateDocument). */
export function DocumentEditModal({ doc, onClose }: { doc: ScanDocumentDto | null; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const update = useRpcMutation('scans.updateDocument');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (doc) form.setFieldsValue({ volumeId: doc.volumeId, docType: doc.docType, title: doc.title ?? '' });
    setProblem(null);
  }, [doc?.id, doc?.version]);

  const save = async () => {
    if (!doc) return;
    const v = await form.validateFields();
    setProblem(null);
    try {
      await update.mutateAsync({ id: doc.id, version: doc.version, volumeId: v.volumeId ?? null, docType: v.docType, title: v.title?.trim() ? v.title.trim() : null });
      onClose();
    } catch (error) {
      setProblem(applyServerError(form, error, { fieldNames: FIELDS }));
    }
  };

  return (
    <Modal
      open={doc !== null}
      title="著录扫描件"
      okText="保存"
      cancelText="取消"
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      okButtonProps={testId('scan-doc-save')}
      width={560}
      forceRender
    >
      <ProblemAlert problem={problem ? { message: problem, lines: [] } : null} testId="scan-doc-problem" />
      <Form form={form} layout="horizontal" labelCol={{ flex: '88px' }} name="scan-document">
        <Form.Item name="volumeId" label="所属专卷" extra="归档时生成可检索 PDF 归入该专卷">
          <VolumePicker currentLabel={doc?.volumeTitle ?? null} testId="scan-doc-volume" />
        </Form.Item>
        <Form.Item name="docType" label="文件类型" rules={[{ required: true, message: '请选择文件类型' }]}>
          <Select options={DOC_TYPE_OPTIONS} virtual={false} data-testid="scan-doc-type" aria-label="文件类型" />
        </Form.Item>
        <Form.Item name="title" label="题名" extra="没有题名的文件留空，目录中按文件类型以 [ ] 标示" style={{ marginBottom: 0 }}>
          <Input maxLength={300} data-testid="scan-doc-title" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
