import { App, AutoComplete, Button, DatePicker, Popconfirm } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AbsenceDto } from '../../../shared/contract/inspectors';
import { ABSENCE_REASON_SUGGESTIONS } from '../../../shared/domain/inspectors';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';
import { InspectorSubList } from './InspectorSubList';

type Props = { inspectorId: number; absences: AbsenceDto[]; editable: boolean };

/** 不在岗期间 (休假、培训、借调 …): listed, added (overlaps are saved and reported), removed. */
export function InspectorAbsences({ inspectorId, absences, editable }: Props) {
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [reason, setReason] = useState('');
  const add = useRpcMutation('inspectors.addAbsence');
  const remove = useRpcMutation('inspectors.removeAbsence');
  const from = range?.[0];
  const to = range?.[1];

  const onAdd = () => {
    if (!from || !to) return;
    add.mutate(
      { inspectorId, fromDate: from.format('YYYY-MM-DD'), toDate: to.format('YYYY-MM-DD'), reason: reason.trim() },
      {
        onSuccess: ({ overlaps }) => {
          setRange(null);
          setReason('');
          if (overlaps.length > 0) void message.warning(`已登记；与已有期间重叠：${overlaps.map((o) => `${o.fromDate} 至 ${o.toDate}（${o.reason}）`).join('；')}`);
          else void message.success('已登记不在岗期间');
        },
        onError: (e) => void message.error(failureMessage(e)),
      },
    );
  };

  return (
    <InspectorSubList<AbsenceDto>
      testId="inspector-absences"
      rows={absences}
      emptyText="没有登记不在岗期间"
      columns={[
        { title: '开始', dataIndex: 'fromDate', width: 120 },
        { title: '结束', dataIndex: 'toDate', width: 120 },
        { title: '原因', dataIndex: 'reason' },
      ]}
      editable={editable}
      action={(a) => (
        <Popconfirm title="删除这段不在岗期间？" okText="删除" cancelText="取消" onConfirm={() => remove.mutate({ id: a.id }, { onError: (e) => void message.error(failureMessage(e)) })}>
          <Button type="link" size="small" danger>
            删除
          </Button>
        </Popconfirm>
      )}
      adder={
        <>
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} aria-label="不在岗期间" data-testid="absence-range" />
          <AutoComplete
            value={reason}
            onChange={setReason}
            options={ABSENCE_REASON_SUGGESTIONS.map((r) => ({ value: r }))}
            placeholder="原因（休假、培训…）"
            style={{ width: 180 }}
            aria-label="不在岗原因"
            data-testid="absence-reason"
          />
          <Button onClick={onAdd} disabled={!from || !to || !reason.trim()} loading={add.isPending} data-testid="absence-add">
            登记
          </Button>
        </>
      }
    />
  );
}
