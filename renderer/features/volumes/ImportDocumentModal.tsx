import { FilePdfOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Form, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { StagedFileDto } from '../../../shared/contract/index';
import { applyServerError } from '../../forms/server-errors';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation, useStageFile } from '../../rpc/use-rpc';
import { testId } from './volume-labels';
import { EntryMetadataFields, METADATA_FIELDS, metadataInput, type MetadataValues } from './EntryMetadataFields';

const ACCEPT = '.pdf,.jpg,.jpeg,.png';

/** 导入文件: the file is staged like an import (web host upload / Electron path), then filed with its 著录项. */
export function ImportDocumentModal({ volumeId, open, onClose }: { volumeId: number; open: boolean; onClose(): void }) {
  const [form] = Form.useForm<MetadataValues>();
  const stage = useStageFile();
  const importDoc = useRpcMutation('volumes.importDocument');
  const [staged, setStaged] = useState<StagedFileDto | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const close = () => {
    form.resetFields();
    setStaged(null);
    setProblem(null);
    stage.reset();
    onClose();
  };

  const submit = async () => {
    if (!staged) {
      setProblem('请先选择要导入的文件');
      return;
    }
    const values = await form.validateFields();
    setProblem(null);
    try {
      await importDoc.mutateAsync({ volumeId, stagedId: staged.id, ...metadataInput(values) });
      close();
    } catch (error) {
      setProblem(applyServerError(form, error, { fieldNames: METADATA_FIELDS }));
    }
  };

  return (
    <Modal
      open={open}
      title="导入文件"
      okText="导入"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={close}
      confirmLoading={importDoc.isPending}
      okButtonProps={{ disabled: stage.isPending, ...testId('import-doc-ok') }}
      width={600}
      destroyOnHidden
    >
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={stage.isPending}
        beforeUpload={(file) => {
          setProblem(null);
          setStaged(null);
          stage.mutate(file, { onSuccess: setStaged });
          return Upload.LIST_IGNORE;
        }}
        data-testid="import-doc-drop"
      >
        {staged ? (
          <div style={{ padding: '4px 16px' }}>
            <p className="ant-upload-drag-icon" style={{ marginBottom: 8 }}>
              <FilePdfOutlined />
            </p>
            <Typography.Text strong data-testid="import-doc-name">
              {staged.name}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">{Math.max(1, Math.round(staged.size / 1024))} KB · 点击或拖入其他文件可更换</Typography.Text>
            </div>
          </div>
        ) : (
          <>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{stage.isPending ? '正在读取文件…' : '点击选择文件，或把文件拖到这里'}</p>
            <p className="ant-upload-hint">PDF 或 JPG / PNG 图片；加密或损坏的文件不能导入</p>
          </>
        )}
      </Upload.Dragger>
      {stage.error ? <Alert type="error" showIcon title={failureMessage(stage.error)} style={{ marginTop: 12 }} /> : null}
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="import-doc-problem" /> : null}
      <Form form={form} layout="horizontal" labelCol={{ flex: '88px' }} style={{ marginTop: 16 }} initialValues={{ docType: 'evidence' }} name="import-doc">
        <EntryMetadataFields />
      </Form>
    </Modal>
  );
}
