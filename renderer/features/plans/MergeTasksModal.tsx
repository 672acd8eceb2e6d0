import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { TaskDto } from '../../../shared/contract/plans';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';

type Props = { planId: number; tasks: TaskDto[]; open: boolean; onClose(): void; onMerged(task: TaskDto): void };

/** 合并任务 (Art. 7(3)): tasks of different business lines with similar targets and methods become one joint task. */
export function MergeTasksModal({ planId, tasks, open, onClose, onMerged }: Props) {
  const [form] = Form.useForm<{ name: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const merge = useRpcMutation('tasks.merge');

  const onFinish = ({ name }: { name: string }) => {
    setProblem(null);
    void merge.mutateAsync({ planId, taskIds: tasks.map((t) => t.id), name: name.trim() }).then(
      (task) => {
        onMerged(task);
        onClose();
      },
      (e: unknown) => setProblem(failureMessage(e)),
    );
  };

  return (
    <Modal
      open={open}
      title="合并任务"
      onCancel={onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form form={form} layout="vertical" name="merge-tasks" onFinish={onFinish} disabled={merge.isPending} preserve={false}>
          {dom}
        </Form>
      )}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" htmlType="submit" loading={merge.isPending} data-testid="merge-submit">
          合并
        </Button>,
      ]}
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">
        将以下 {tasks.length} 个任务合并为一个联合抽查任务（原任务标记为“已合并”）：
      </Typography.Paragraph>
      <ul style={{ marginTop: 0 }}>
        {tasks.map((t) => (
          <li key={t.id}>
            第 {t.batchNo} 批 · {t.name}
          </li>
        ))}
      </ul>
      <Form.Item label="合并后的任务名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写任务名称' }]}>
        <Input maxLength={100} autoFocus data-testid="merge-name" />
      </Form.Item>
    </Modal>
  );
}
