import { Button, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CorrectionDto, InspectionDto } from '../../../shared/contract/inspections';
import { useRpcMutation } from '../../rpc/use-rpc';
import { useBureaus } from '../bureaus/use-bureaus';
import { ProblemAlert } from './ProblemAlert';
import { useInspectionAction } from './use-inspection-action';

export type Asking = { kind: 'add' } | { kind: 'recheck'; correction: CorrectionDto } | { kind: 'handOver'; correction: CorrectionDto } | { kind: 'close' } | null;

type Values = { content?: string; issuedOn?: Dayjs; deadlineOn?: Dayjs; recheckOn?: Dayjs; corrected?: boolean; bureauId?: number; handedOn?: Dayjs; closedOn?: Dayjs; note?: string };

const day = (d: Dayjs | undefined) => (d ?? dayjs()).format('YYYY-MM-DD');
const note = (v: Values) => (v.note?.trim() ? v.note.trim() : null);
const TITLES = { add: '责令限期改正', recheck: '整改复查', handOver: '移交属地处理', close: '后续处置完结' } as const;

/** The follow-up dialogs (Art. 17): order a correction, recheck it, hand it over, close the follow-up. */
export function CorrectionModals({ inspection: i, asking, onClose }: { inspection: InspectionDto; asking: Asking; onClose(): void }) {
  const action = useInspectionAction();
  const add = useRpcMutation('inspections.addCorrection');
  const recheck = useRpcMutation('inspections.recheck');
  const handOver = useRpcMutation('inspections.handOver');
  const close = useRpcMutation('inspections.closeFollowUp');
  const bureaus = useBureaus();
  const base = { id: i.id, version: i.version };

  const submit = (v: Values) => {
    if (!asking) return;
    const call = (): Promise<unknown> => {
      switch (asking.kind) {
        case 'add':
          return add.mutateAsync({ ...base, content: (v.content ?? '').trim(), issuedOn: day(v.issuedOn), deadlineOn: day(v.deadlineOn) });
        case 'recheck':
          return recheck.mutateAsync({ ...base, correctionId: asking.correction.id, recheckOn: day(v.recheckOn), corrected: v.corrected ?? true, note: note(v) });
        case 'handOver':
          return handOver.mutateAsync({ ...base, correctionId: asking.correction.id, toBureauId: v.bureauId!, handedOn: day(v.handedOn), note: note(v) });
        case 'close':
          return close.mutateAsync({ ...base, closedOn: day(v.closedOn), note: note(v) });
      }
    };
    void action.run(call, `${TITLES[asking.kind]}已登记`).then((ok) => ok && onClose());
  };

  return (
    <Modal open={asking !== null} title={asking ? TITLES[asking.kind] : ''} onCancel={onClose} footer={null} destroyOnHidden width={560}>
      <ProblemAlert problem={action.problem} />
      <Form<Values> layout="vertical" onFinish={submit} initialValues={{ issuedOn: dayjs(), deadlineOn: dayjs().add(10, 'day'), recheckOn: dayjs(), corrected: true, handedOn: dayjs(), closedOn: dayjs() }} data-testid="follow-up-form">
        {asking?.kind === 'add' ? (
          <>
            <Form.Item name="content" label="责令改正的内容" rules={[{ required: true, whitespace: true, message: '请填写责令改正的内容' }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="correction-content" />
            </Form.Item>
            <Form.Item name="issuedOn" label="下达日期" rules={[{ required: true }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item name="deadlineOn" label="改正期限" rules={[{ required: true }]} extra="作出责令改正决定之日起 7 个工作日内公示。">
              <DatePicker allowClear={false} />
            </Form.Item>
          </>
        ) : null}
        {asking?.kind === 'recheck' ? (
          <>
            <Form.Item name="recheckOn" label="复查日期" rules={[{ required: true }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item name="corrected" label="复查结论">
              <Radio.Group options={[{ value: true, label: '已改正' }, { value: false, label: '未改正' }]} />
            </Form.Item>
          </>
        ) : null}
        {asking?.kind === 'handOver' ? (
          <>
            <Form.Item name="bureauId" label="移交单位（有管辖权的单位）" rules={[{ required: true, message: '请选择移交单位' }]}>
              <Select showSearch optionFilterProp="label" options={bureaus.list.filter((b) => b.id !== i.inspectingBureauId).map((b) => ({ value: b.id, label: b.name }))} />
            </Form.Item>
            <Form.Item name="handedOn" label="移交日期" rules={[{ required: true }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
          </>
        ) : null}
        {asking?.kind === 'close' ? (
          <Form.Item name="closedOn" label="完结日期" rules={[{ required: true }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
        ) : null}
        {asking?.kind !== 'add' ? (
          <Form.Item name="note" label="说明">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        ) : null}
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={action.busy} data-testid="follow-up-ok">
            确定
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
