import { Alert, Button, Checkbox, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PUBLICATION_PLATFORMS, PUBLICATION_PLATFORM_LABELS, type PublicationPlatform } from '../../../shared/domain/inspections/inspections';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';

type Values = { publishedOn: Dayjs; platforms: PublicationPlatform[] };

/** 登记已公示: the day and the platforms (§8.2) for the previewed results. */
export function PublishMarkModal({ inspectionIds, open, onClose, onDone }: { inspectionIds: number[]; open: boolean; onClose(): void; onDone(n: number): void }) {
  const mark = useRpcMutation('publish.mark');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (v: Values) => {
    setProblem(null);
    void mark.mutateAsync({ inspectionIds, publishedOn: v.publishedOn.format('YYYY-MM-DD'), platforms: v.platforms }).then(
      (r) => {
        onDone(r.published);
        onClose();
      },
      (e: unknown) => setProblem(failureMessage(e)),
    );
  };
  return (
    <Modal open={open} title={`登记已公示（${inspectionIds.length} 户）`} onCancel={onClose} footer={null} destroyOnHidden width={560}>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="publish-mark-problem" /> : null}
      <Form<Values> layout="vertical" onFinish={submit} initialValues={{ publishedOn: dayjs(), platforms: [...PUBLICATION_PLATFORMS] }} data-testid="publish-mark-form">
        <Form.Item name="publishedOn" label="公示日期" rules={[{ required: true }]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="platforms" label="公示平台" rules={[{ required: true, type: 'array', min: 1, message: '请选择公示平台' }]}>
          <Checkbox.Group style={{ display: 'grid', gap: 6 }} options={PUBLICATION_PLATFORMS.map((p) => ({ value: p, label: PUBLICATION_PLATFORM_LABELS[p] }))} />
        </Form.Item>
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={mark.isPending} data-testid="publish-mark-ok">
            登记
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
