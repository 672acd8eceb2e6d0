import { Alert, App, Button, Card, Form, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { BureauDto } from '../../../shared/contract/bureaus';
import { bureauWithin } from '../../../shared/domain/bureau-scope';
import { applyServerError } from '../../forms/server-errors';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';

type Values = { fondsCode: string; orgCode: string; shortName: string };
const EDITABLE = ['fondsCode', 'orgCode', 'shortName'] as const;

const RULES = {
  fondsCode: [{ required: true, pattern: /^[A-Z0-9]{1,4}$/, message: '全宗号为 1–4 位大写字母或数字' }],
  orgCode: [{ required: true, pattern: /^[A-Z0-9]{1,10}$/, message: '机构代码为 1–10 位大写字母或数字' }],
  shortName: [{ required: true, whitespace: true, max: 12, message: '文号简称为 1–12 个字' }],
};

export function BureauSettingsPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const bureaus = useRpc('bureaus.list', {});
  const save = useRpcMutation('bureaus.updateSettings');
  const [form] = Form.useForm<Values>();
  const [editingId, setEditingId] = useState<number | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const isAdmin = user.roles.includes('admin');
  const byId = new Map((bureaus.data ?? []).map((b) => [b.id, b]));
  const mayEdit = (b: BureauDto) => isAdmin && bureauWithin(byId, b.id, user.bureauId);

  const startEdit = (b: BureauDto) => {
    setFormError(null);
    form.setFieldsValue({ fondsCode: b.fondsCode, orgCode: b.orgCode, shortName: b.shortName });
    setEditingId(b.id);
  };
  const onFinish = async (values: Values) => {
    if (editingId === null) return;
    try {
      await save.mutateAsync({ bureauId: editingId, ...values });
      setEditingId(null);
      void message.success('单位档案设置已保存');
    } catch (e) {
      setFormError(applyServerError(form, e, { fieldNames: EDITABLE }));
    }
  };

  const cell = (field: (typeof EDITABLE)[number], width: number) => (value: string, b: BureauDto) =>
    editingId === b.id ? (
      <Form.Item name={field} rules={RULES[field]} style={{ margin: 0 }} normalize={field === 'shortName' ? undefined : (v: string) => v.toUpperCase()}>
        <Input style={{ width }} autoFocus={field === 'fondsCode'} aria-label={field} data-testid={`bureau-edit-${field}`} onKeyDown={(e) => e.key === 'Escape' && setEditingId(null)} />
      </Form.Item>
    ) : (
      <span className={field === 'shortName' ? undefined : 'cb-code'}>{value || '—'}</span>
    );

  const columns: TableColumnsType<BureauDto> = [
    { title: '区划代码', dataIndex: 'divisionCode', width: 100, render: (c: string) => <span className="cb-code">{c}</span> },
    {
      title: '单位名称',
      dataIndex: 'name',
      render: (name: string, b) => (
        <Space size={6}>
          <span>{name}</span>
          {b.level === 'city' ? <Tag color="geekblue">市局</Tag> : null}
          {b.id === user.bureauId ? <Tag color="green">本单位</Tag> : null}
        </Space>
      ),
    },
    { title: '全宗号', dataIndex: 'fondsCode', width: 120, render: cell('fondsCode', 90) },
    { title: '机构代码', dataIndex: 'orgCode', width: 150, render: cell('orgCode', 120) },
    { title: '文号简称', dataIndex: 'shortName', width: 160, render: cell('shortName', 130) },
  ];
  if (isAdmin) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 140,
      render: (_, b) =>
        editingId === b.id ? (
          <Space size={4}>
            <Button type="link" size="small" htmlType="submit" loading={save.isPending} data-testid="bureau-save">
              保存
            </Button>
            <Button type="link" size="small" onClick={() => setEditingId(null)}>
              取消
            </Button>
          </Space>
        ) : (
          <Button type="link" size="small" disabled={!mayEdit(b) || editingId !== null} onClick={() => startEdit(b)} data-testid={`bureau-edit-${b.id}`}>
            编辑
          </Button>
        ),
    });
  }

  return (
    <Card title="单位档案设置" data-testid="bureaus-page">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        全宗号和机构代码用于编制档号，文号简称用于生成文书编号（如“沈和市监抽〔2025〕1 号”）。
        {isAdmin ? '管理员可修改本单位及下级单位的设置。' : '只有管理员可以修改，您可以查看。'}
      </Typography.Paragraph>
      {bureaus.error ? <Alert type="error" showIcon title={failureMessage(bureaus.error)} style={{ marginBottom: 12 }} /> : null}
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} onFinish={onFinish} name="bureau-settings">
        <Table<BureauDto>
          data-testid="bureaus-table"
          rowKey="id"
          size="middle"
          loading={bureaus.isLoading}
          dataSource={bureaus.data ?? []}
          columns={columns}
          pagination={false}
        />
      </Form>
    </Card>
  );
}
