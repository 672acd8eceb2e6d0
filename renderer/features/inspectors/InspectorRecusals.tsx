import { App, AutoComplete, Button, Input } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { RecusalDto } from '../../../shared/contract/inspectors';
import { RECUSAL_REASON_SUGGESTIONS } from '../../../shared/domain/inspectors';
import { hrefOf } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';
import { TargetPicker } from '../targets/TargetPicker';
import { InspectorSubList } from './InspectorSubList';

type Props = { inspectorId: number; recusals: RecusalDto[]; editable: boolean };

/** 回避: targets this inspector must not inspect; adding and withdrawing (with a reason) are audited. */
export function InspectorRecusals({ inspectorId, recusals, editable }: Props) {
  const { message, modal } = App.useApp();
  const [targetId, setTargetId] = useState<number | undefined>();
  const [reason, setReason] = useState('');
  const add = useRpcMutation('recusals.add');
  const remove = useRpcMutation('recusals.remove');

  const onAdd = () => {
    if (targetId === undefined) return;
    add.mutate(
      { inspectorId, targetId, reason: reason.trim() },
      {
        onSuccess: () => {
          setTargetId(undefined);
          setReason('');
          void message.success('已登记回避');
        },
        onError: (e) => void message.error(failureMessage(e)),
      },
    );
  };

  const onRemove = (r: RecusalDto) => {
    let why = '';
    modal.confirm({
      title: `撤销对「${r.targetName}」的回避`,
      content: <Input.TextArea autoFocus maxLength={200} placeholder="请填写撤销原因（记入审计日志）" onChange={(e) => (why = e.target.value)} />,
      okText: '撤销回避',
      cancelText: '取消',
      onOk: () => {
        if (!why.trim()) {
          void message.error('请填写撤销原因');
          return Promise.reject(new Error('reason required'));
        }
        return remove.mutateAsync({ id: r.id, reason: why.trim() }).catch((e: unknown) => {
          void message.error(failureMessage(e));
          throw e;
        });
      },
    });
  };

  return (
    <InspectorSubList<RecusalDto>
      testId="inspector-recusals"
      rows={recusals}
      emptyText="没有登记回避"
      columns={[
        { title: '检查对象', dataIndex: 'targetName', render: (name: string, r) => <a href={hrefOf(`/targets/${r.targetId}`)}>{name}</a> },
        { title: '原因', dataIndex: 'reason', width: 160 },
        { title: '登记时间', dataIndex: 'createdAt', width: 140, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
      ]}
      editable={editable}
      action={(r) => (
        <Button type="link" size="small" danger onClick={() => onRemove(r)}>
          撤销
        </Button>
      )}
      adder={
        <>
          <TargetPicker value={targetId} onChange={setTargetId} style={{ width: 300 }} testId="recusal-target" />
          <AutoComplete
            value={reason}
            onChange={setReason}
            options={RECUSAL_REASON_SUGGESTIONS.map((r) => ({ value: r }))}
            placeholder="回避原因"
            style={{ width: 160 }}
            aria-label="回避原因"
            data-testid="recusal-reason"
          />
          <Button onClick={onAdd} disabled={targetId === undefined || !reason.trim()} loading={add.isPending} data-testid="recusal-add">
            登记回避
          </Button>
        </>
      }
    />
  );
}
