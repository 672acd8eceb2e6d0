import { Alert, Button, Drawer, Form, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { VolumeEntryDto } from '../../../shared/contract/volumes';
import { applyServerError } from '../../forms/server-errors';
import { useRpcMutation } from '../../rpc/use-rpc';
import { EntryMetadataFields, METADATA_FIELDS, metadataInput, metadataValues, type MetadataValues } from './EntryMetadataFields';
import { EntryPages } from './EntryPages';
import { FieldMarks } from './FieldMarks';
import { LiftedMarks, NonPublicMark, type ConsentOption } from './NonPublicMark';
import { SOURCE_LABELS } from './volume-labels';

/** One document of the volume: its 著录项 (all of them for an imported file), 不予公开 for the whole document, and its pages (rotate / exclude / 不予公开). */
export function EntryDrawer({ entry, canEdit, canMark, consentOptions, onClose }: { entry: VolumeEntryDto | null; canEdit: boolean; canMark: boolean; consentOptions: readonly ConsentOption[]; onClose(): void }) {
  const [form] = Form.useForm<MetadataValues>();
  const update = useRpcMutation('volumes.updateDocument');
  const [problem, setProblem] = useState<string | null>(null);
  const generated = entry?.source === 'generated';

  useEffect(() => {
    if (entry) form.setFieldsValue(metadataValues(entry));
    setProblem(null);
    // Only when another document is opened or the stored version moves on.
  }, [entry?.id, entry?.version]);

  const save = async () => {
    if (!entry) return;
    const values = await form.validateFields();
    setProblem(null);
    try {
      await update.mutateAsync({ id: entry.id, version: entry.version, ...metadataInput(values) });
    } catch (error) {
      setProblem(applyServerError(form, error, { fieldNames: METADATA_FIELDS }));
    }
  };

  return (
    <Drawer open={entry !== null} onClose={onClose} size={560} title={entry ? `第 ${entry.seq} 份 · ${entry.title ?? '[题名]'}` : ''} data-testid="entry-drawer" destroyOnHidden>
      {entry ? (
        <>
          <Typography.Paragraph type="secondary">
            来源：{SOURCE_LABELS[entry.source]}
            {generated ? `（系统生成文书第 ${entry.documentVersion ?? 1} 版：文号、责任者、题名、日期随文书自动更新）` : ''} · 共 {entry.pageCount} 页
          </Typography.Paragraph>
          {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="entry-problem" /> : null}
          <Form form={form} layout="horizontal" labelCol={{ flex: '88px' }} disabled={!canEdit} name="entry-metadata">
            <EntryMetadataFields generated={generated} />
          </Form>
          {canEdit ? (
            <Space style={{ marginTop: 12, marginInlineStart: 88 }}>
              <Button type="primary" loading={update.isPending} onClick={() => void save()} data-testid="entry-save">
                保存著录项
              </Button>
            </Space>
          ) : null}
          <Typography.Title level={5} style={{ marginTop: 24 }}>公开</Typography.Title>
          <div style={{ display: 'grid', gap: 8 }} data-testid="entry-non-public">
            <NonPublicMark entryId={entry.id} pageIndex={null} marks={entry.marks} canMark={canMark} consentOptions={consentOptions.filter((o) => o.value !== entry.id)} />
            <LiftedMarks marks={entry.marks} />
          </div>
          {generated ? <FieldMarks entry={entry} canMark={canMark} consentOptions={consentOptions.filter((o) => o.value !== entry.id)} /> : null}
          <Typography.Title level={5} style={{ marginTop: 24 }}>页面</Typography.Title>
          <EntryPages entry={entry} canEdit={canEdit} canMark={canMark} consentOptions={consentOptions.filter((o) => o.value !== entry.id)} />
        </>
      ) : null}
    </Drawer>
  );
}
