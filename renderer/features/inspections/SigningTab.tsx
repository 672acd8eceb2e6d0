import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Radio, Typography } from 'antd';
import type { InspectionDto } from '../../../shared/contract/inspections';
import { SIGNING_STATUSES, SIGNING_STATUS_LABELS, signingProblems, type SigningStatus } from '../../../shared/domain/inspections/inspections';
import { useRpcMutation } from '../../rpc/use-rpc';
import { dateTimeText } from './inspection-labels';
import type { InspectionPermissions } from './inspection-permissions';
import { ProblemAlert } from './ProblemAlert';
import { useInspectionAction } from './use-inspection-action';

type Values = { status: SigningStatus | null; reason?: string; witnessName?: string; witnessIdNo?: string };

const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** 签字情况 of the 行政检查登记表: signed, or refused / absent with the reason and a witness (name and ID). */
export function SigningTab({ inspection: i, can }: { inspection: InspectionDto; can: InspectionPermissions }) {
  const [form] = Form.useForm<Values>();
  const setSigning = useRpcMutation('inspections.setSigning');
  const action = useInspectionAction();
  const editable = can.edit && ['in_progress', 'awaiting_entry'].includes(i.status);
  const watched = Form.useWatch([], form) as Values | undefined;
  const status = watched?.status ?? i.signing?.status ?? null;
  const problems = watched ? signingProblems({ status, reason: blankToNull(watched.reason), witnessName: blankToNull(watched.witnessName), witnessIdNo: blankToNull(watched.witnessIdNo) }) : [];

  const save = (v: Values) => {
    if (!v.status || problems.length > 0) return;
    void action.run(
      () =>
        setSigning.mutateAsync({
          id: i.id,
          version: i.version,
          status: v.status!,
          reason: v.status === 'signed' ? null : blankToNull(v.reason),
          witnessName: v.status === 'signed' ? null : blankToNull(v.witnessName),
          witnessIdNo: v.status === 'signed' ? null : blankToNull(v.witnessIdNo),
        }),
      '已登记签字情况',
    );
  };

  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="inspection-signing">
      {i.signing ? (
        <Descriptions
          bordered
          size="small"
          column={2}
          items={[
            { key: 'status', label: '签字情况', children: <span data-testid="signing-current">{SIGNING_STATUS_LABELS[i.signing.status]}</span> },
            { key: 'at', label: '登记时间', children: dateTimeText(i.signing.recordedAt) },
            ...(i.signing.status !== 'signed'
              ? [
                  { key: 'reason', label: '原因', children: i.signing.reason ?? '—', span: 'filled' as const },
                  { key: 'witness', label: '见证人', children: i.signing.witnessName ?? '—' },
                  { key: 'id', label: '见证人身份证件号码', children: <span className="cb-code">{i.signing.witnessIdNo ?? '—'}</span> },
                ]
              : []),
          ]}
        />
      ) : (
        <Alert type="info" showIcon title="尚未登记签字情况" description="录入检查结果前，须登记行政检查登记表的签字情况。" />
      )}
      {i.status === 'pending' ? <Typography.Text type="secondary">开始检查后登记签字情况。</Typography.Text> : null}
      {editable ? (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{ status: i.signing?.status ?? null, reason: i.signing?.reason ?? '', witnessName: i.signing?.witnessName ?? '', witnessIdNo: i.signing?.witnessIdNo ?? '' }}
          style={{ maxWidth: 640 }}
          data-testid="signing-form"
        >
          <ProblemAlert problem={action.problem} />
          <Form.Item name="status" label="当事人签字情况" required>
            <Radio.Group options={SIGNING_STATUSES.map((s) => ({ value: s, label: SIGNING_STATUS_LABELS[s] }))} data-testid="signing-status" />
          </Form.Item>
          {status && status !== 'signed' ? (
            <>
              <Form.Item name="reason" label={status === 'refused' ? '拒签理由' : '不在场原因'} required>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} data-testid="signing-reason" />
              </Form.Item>
              <Form.Item name="witnessName" label="见证人姓名" required extra="见证人不得为本单位工作人员。">
                <Input maxLength={50} style={{ maxWidth: 240 }} data-testid="signing-witness-name" />
              </Form.Item>
              <Form.Item name="witnessIdNo" label="见证人身份证件号码" required>
                <Input maxLength={30} style={{ maxWidth: 300 }} className="cb-code" data-testid="signing-witness-id" />
              </Form.Item>
            </>
          ) : null}
          {status && problems.length > 0 ? (
            <Alert type="warning" showIcon title="尚不完整" description={problems.join('；')} style={{ marginBottom: 12 }} data-testid="signing-problems" />
          ) : null}
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} disabled={!status || problems.length > 0} loading={action.busy} data-testid="signing-save">
            登记签字情况
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
