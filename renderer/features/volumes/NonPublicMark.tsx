import { EyeInvisibleOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { VolumeMarkDto } from '../../../shared/contract/volumes';
import { DOCUMENT_FIELD_LABELS, type DocumentField } from '../../../shared/domain/documents/doc-fields';
import { NON_PUBLIC_REASONS, NON_PUBLIC_REASON_LABELS, type NonPublicReason } from '../../../shared/domain/inspections/inspections';
import { useRpcMutation } from '../../rpc/use-rpc';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { useInspectionAction } from '../inspections/use-inspection-action';
import { testId } from './volume-labels';

export type ConsentOption = { value: number; label: string };

const REASON_OPTIONS = NON_PUBLIC_REASONS.map((r) => ({ value: r, label: NON_PUBLIC_REASON_LABELS[r] }));

/** The red 不予公开 tag of a live mark (its note on hover). */
export function MarkTag({ mark }: { mark: VolumeMarkDto }) {
  return (
    <Tag color="red" icon={<EyeInvisibleOutlined />} title={mark.note ?? undefined} style={{ marginInlineEnd: 0 }} data-testid="mark-tag">
      不予公开 · {NON_PUBLIC_REASON_LABELS[mark.reason]}
    </Tag>
  );
}

/**
 * 不予公开 for a whole document (pageIndex null) or one page: the live mark as a red tag with 解除, or a
 * 不予公开 button. Marking asks for the reason and a note; lifting asks why, and for a trade secret offers
 * the enterprise's written consent (a document of this volume). Privacy and state-secret marks are lifted
 * by the legal role only — the core refuses anyone else, and the refusal is shown here.
 */
export function NonPublicMark({ entryId, pageIndex, field = null, marks, canMark, consentOptions }: { entryId: number; pageIndex: number | null; field?: DocumentField | null; marks: readonly VolumeMarkDto[]; canMark: boolean; consentOptions: readonly ConsentOption[] }) {
  const markCall = useRpcMutation('volumes.markNonPublic');
  const liftCall = useRpcMutation('volumes.liftNonPublic');
  const action = useInspectionAction();
  const [dialog, setDialog] = useState<'mark' | 'lift' | null>(null);
  const [reason, setReason] = useState<NonPublicReason>('trade_secret');
  const [text, setText] = useState('');
  const [consent, setConsent] = useState<number | undefined>(undefined);
  // Rectangles on a scanned page are the region tool's; this control is the whole page's or document's,
  // or (with `field`) one field of a generated form.
  const live = marks.find((m) => m.liftedAt === null && (field !== null ? m.field === field : m.pageIndex === pageIndex && m.region === null && m.field === null)) ?? null;
  const what = field !== null ? `“${DOCUMENT_FIELD_LABELS[field]}”栏` : pageIndex === null ? '本文件' : `第 ${pageIndex + 1} 页`;

  const openDialog = (kind: 'mark' | 'lift') => {
    setText('');
    setConsent(undefined);
    setReason('trade_secret');
    action.clear();
    setDialog(kind);
  };
  const submit = async () => {
    const ok =
      dialog === 'mark'
        ? await action.run(() => markCall.mutateAsync({ entryId, pageIndex, field, reason, note: text.trim() || null }), `${what}已标记为不予公开`)
        : await action.run(() => liftCall.mutateAsync({ id: (live as VolumeMarkDto).id, reason: text.trim(), ...(consent !== undefined ? { consentEntryId: consent } : {}) }), `${what}的不予公开标记已解除`);
    if (ok) setDialog(null);
  };

  return (
    <>
      <Space size={4} wrap>
        {live ? <MarkTag mark={live} /> : null}
        {canMark && live ? (
          <Button size="small" icon={<UnlockOutlined />} onClick={() => openDialog('lift')} data-testid="mark-lift">
            解除
          </Button>
        ) : null}
        {canMark && !live ? (
          <Button size="small" danger icon={<EyeInvisibleOutlined />} onClick={() => openDialog('mark')} data-testid="mark-open">
            不予公开
          </Button>
        ) : null}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog === 'mark' ? `${what}不予公开` : `解除${what}的不予公开标记`}
        okText={dialog === 'mark' ? '标记' : '解除'}
        cancelText="取消"
        confirmLoading={action.busy}
        okButtonProps={{ danger: dialog === 'mark', disabled: dialog === 'lift' && text.trim() === '', ...testId('mark-ok') }}
        onCancel={() => setDialog(null)}
        onOk={() => void submit()}
        destroyOnHidden
      >
        <div style={{ display: 'grid', gap: 10 }}>
          {dialog === 'mark' ? (
            <>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {field !== null
                  ? '该栏内容留在完整版中并列入卷内备考表；公开版中本文书按原样重新生成，该栏印为“＊＊＊（依法不予公开）”。'
                  : '不予公开的材料留在卷内并列入卷内备考表；公开版中以说明理由的占位页代替，原页面不进入公开版文件。'}
              </Typography.Paragraph>
              <Select<NonPublicReason> value={reason} onChange={setReason} options={REASON_OPTIONS} data-testid="mark-reason" />
              <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} maxLength={300} placeholder="说明（可选），如：企业财务数据" autoSize={{ minRows: 2 }} data-testid="mark-note" />
            </>
          ) : live ? (
            <>
              <Typography.Text>
                原标记：<MarkTag mark={live} /> {live.markedByName ?? ''} {live.note ? `（${live.note}）` : ''}
              </Typography.Text>
              {live.reason === 'trade_secret' ? (
                <Select<number> allowClear value={consent} onChange={setConsent} options={[...consentOptions]} placeholder="企业书面同意文件（本卷中的文件；无此文件须由法制审核人员解除）" data-testid="mark-consent" />
              ) : (
                <Typography.Text type="secondary">个人隐私、国家秘密的标记只能由法制审核人员解除。</Typography.Text>
              )}
              <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} maxLength={300} placeholder="解除理由（必填）" autoSize={{ minRows: 2 }} data-testid="mark-lift-reason" />
            </>
          ) : null}
          <ProblemAlert problem={action.problem} testId="mark-problem" />
        </div>
      </Modal>
    </>
  );
}

/** Lifted marks of a document, kept for the record (grey, with who lifted and why). */
export function LiftedMarks({ marks }: { marks: readonly VolumeMarkDto[] }) {
  const lifted = marks.filter((m) => m.liftedAt !== null);
  if (lifted.length === 0) return null;
  return (
    <div data-testid="marks-lifted">
      <Typography.Text type="secondary">已解除的不予公开标记：</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
        {lifted.map((m) => (
          <li key={m.id}>
            <Typography.Text type="secondary">
              {m.field !== null ? `“${DOCUMENT_FIELD_LABELS[m.field]}”栏` : m.pageIndex === null ? '全件' : `第 ${m.pageIndex + 1} 页${m.region ? '框选区域' : ''}`} · {NON_PUBLIC_REASON_LABELS[m.reason]} · {m.liftedByName ?? ''} 解除：{m.liftReason}
              {m.consentEntryId !== null ? '（依据企业书面同意）' : ''}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
