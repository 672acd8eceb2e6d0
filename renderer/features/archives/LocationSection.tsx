import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import type { VolumeArchiveDto } from '../../../shared/contract/archives';
import { applyServerError } from '../../forms/server-errors';
import { useRpcMutation } from '../../rpc/use-rpc';
import { dateTimeText } from '../inspections/inspection-labels';
import { ArchivePrintButtons } from './ArchivePrintButtons';

type Location = VolumeArchiveDto['locations'][number];
type Values = { room: string; cabinet: string; shelf: string; box: string; reason: string };

export const locationText = (l: Pick<Location, 'room' | 'cabinet' | 'shelf' | 'box'>) =>
  [l.room, l.cabinet && `${l.cabinet} 柜`, l.shelf && `${l.shelf} 架`, l.box && `${l.box} 盒`].filter(Boolean).join(' · ');

/** 存放位置 of the paper originals (库房 / 柜 / 架 / 盒): the current place, a form to register a move, the history; the printed outputs (归档文件, labels). */
export function LocationSection({ archive: a, canEdit }: { archive: VolumeArchiveDto; canEdit: boolean }) {
  const [form] = Form.useForm<Values>();
  const setLocation = useRpcMutation('archives.setLocation');
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const current = a.locations[0];

  const save = async () => {
    const values = await form.validateFields();
    setProblem(null);
    try {
      await setLocation.mutateAsync({ volumeId: a.volumeId, room: values.room, cabinet: values.cabinet ?? '', shelf: values.shelf ?? '', box: values.box, reason: values.reason?.trim() || null });
      form.resetFields();
      setEditing(false);
    } catch (error) {
      setProblem(applyServerError(form, error, { fieldNames: ['room', 'cabinet', 'shelf', 'box', 'reason'] }));
    }
  };

  return (
    <div style={{ display: 'grid', gap: 8 }} data-testid="archive-location">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <Typography.Text strong>
          纸质案卷存放位置：<span data-testid="archive-location-current">{current ? locationText(current) : '尚未登记'}</span>
        </Typography.Text>
        {canEdit && !editing ? (
          <Button size="small" icon={<EnvironmentOutlined />} onClick={() => setEditing(true)} data-testid="location-edit">
            {current ? '变更位置' : '登记位置'}
          </Button>
        ) : null}
      </div>
      <ArchivePrintButtons archive={a} />
      {editing ? (
        <Form form={form} layout="inline" name="archive-location" onFinish={() => void save()} style={{ rowGap: 8 }}>
          <Form.Item name="room" rules={[{ required: true, whitespace: true, message: '请填写库房' }]}>
            <Input placeholder="库房" style={{ width: 120 }} data-testid="location-room" autoFocus />
          </Form.Item>
          <Form.Item name="cabinet">
            <Input placeholder="柜" style={{ width: 70 }} data-testid="location-cabinet" />
          </Form.Item>
          <Form.Item name="shelf">
            <Input placeholder="架" style={{ width: 70 }} data-testid="location-shelf" />
          </Form.Item>
          <Form.Item name="box" rules={[{ required: true, whitespace: true, message: '请填写盒号' }]}>
            <Input placeholder="盒号" style={{ width: 130 }} data-testid="location-box" />
          </Form.Item>
          {current ? (
            <Form.Item name="reason">
              <Input placeholder="变更原因" style={{ width: 160 }} data-testid="location-reason" />
            </Form.Item>
          ) : null}
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={setLocation.isPending} data-testid="location-save">
              保存
            </Button>
          </Form.Item>
          <Form.Item>
            <Button onClick={() => setEditing(false)}>取消</Button>
          </Form.Item>
        </Form>
      ) : null}
      {problem ? <Typography.Text type="danger">{problem}</Typography.Text> : null}
      {a.locations.length > 0 ? (
        <Table<Location>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={a.locations}
          data-testid="location-history"
          columns={[
            { title: '位置', key: 'place', render: (_: unknown, l, i) => (i === 0 ? <Typography.Text strong>{locationText(l)}（当前）</Typography.Text> : locationText(l)) },
            { title: '原因', dataIndex: 'reason', width: 160, ellipsis: true, render: (r: string | null) => r ?? '—' },
            { title: '登记人', dataIndex: 'movedByName', width: 90, render: (n: string | null) => n ?? '—' },
            { title: '时间', dataIndex: 'movedAt', width: 140, render: dateTimeText },
          ]}
        />
      ) : null}
    </div>
  );
}
