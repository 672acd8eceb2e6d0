import { Checkbox, Col, Input, Row, Select, Space, Table, Typography } from 'antd';
import {
  FOLLOW_UP_MEASURES,
  FOLLOW_UP_MEASURE_LABELS,
  NON_PUBLIC_REASONS,
  NON_PUBLIC_REASON_LABELS,
  RESULT_CATEGORIES,
  RESULT_CATEGORY_LABELS,
  RESULT_NEEDS_FOLLOW_UP,
  type FollowUpMeasure,
  type NonPublicReason,
  type ResultCategory,
} from '../../../shared/domain/inspections/inspections';
import type { ItemDraft, ResultDraft } from './result-draft';

type Props = { draft: ResultDraft; onChange(patch: Partial<ResultDraft>): void; disabled: boolean };

const reasonOptions = NON_PUBLIC_REASONS.map((r) => ({ value: r, label: NON_PUBLIC_REASON_LABELS[r] }));

/** 检查结果 (§1.1, several may apply) and 后续处置措施 (§1.3). */
export function CategoryAndMeasureFields({ draft, onChange, disabled }: Props) {
  return (
    <>
      <Typography.Title level={5}>检查结果（可多选）</Typography.Title>
      <Checkbox.Group value={draft.categories} onChange={(v) => onChange({ categories: v as ResultCategory[] })} disabled={disabled} style={{ width: '100%' }} data-testid="result-categories">
        <Row gutter={[8, 6]}>
          {RESULT_CATEGORIES.map((c) => (
            <Col span={12} key={c}>
              <Checkbox value={c}>
                {RESULT_CATEGORY_LABELS[c]}
                {RESULT_NEEDS_FOLLOW_UP[c] ? <Typography.Text type="secondary"> （需后续处置）</Typography.Text> : null}
              </Checkbox>
            </Col>
          ))}
        </Row>
      </Checkbox.Group>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        后续处置措施
      </Typography.Title>
      <Checkbox.Group value={draft.measures} onChange={(v) => onChange({ measures: v as FollowUpMeasure[] })} disabled={disabled} style={{ display: 'grid', gap: 6 }} data-testid="result-measures">
        {FOLLOW_UP_MEASURES.map((m) => (
          <Checkbox value={m} key={m}>
            {FOLLOW_UP_MEASURE_LABELS[m]}
          </Checkbox>
        ))}
      </Checkbox.Group>
      {draft.measures.includes('other') ? (
        <Input value={draft.measureOther} onChange={(e) => onChange({ measureOther: e.target.value })} disabled={disabled} maxLength={200} placeholder="其他处置措施的具体内容" style={{ marginTop: 8, maxWidth: 520 }} data-testid="result-measure-other" />
      ) : null}
    </>
  );
}

/** Per item: 是否检查, 发现问题情况, 处置情况 (the 记录表's table). */
export function ItemResultsTable({ draft, onChange, disabled }: Props) {
  const setItem = (itemId: number, patch: Partial<ItemDraft>) => onChange({ items: draft.items.map((it) => (it.itemId === itemId ? { ...it, ...patch } : it)) });
  return (
    <Table<ItemDraft>
      size="small"
      rowKey="itemId"
      pagination={false}
      dataSource={draft.items}
      columns={[
        { title: '检查事项', dataIndex: 'itemName', width: 220 },
        {
          title: '是否检查',
          dataIndex: 'checked',
          width: 90,
          render: (checked: boolean, it) => (
            <Checkbox checked={checked} disabled={disabled} onChange={(e) => setItem(it.itemId, { checked: e.target.checked })} data-testid="item-checked">
              {checked ? '是' : '否'}
            </Checkbox>
          ),
        },
        {
          title: '发现问题情况',
          dataIndex: 'finding',
          render: (v: string, it) => <Input.TextArea value={v} disabled={disabled} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} placeholder="未发现问题可留空" onChange={(e) => setItem(it.itemId, { finding: e.target.value })} data-testid="item-finding" />,
        },
        {
          title: '处置情况',
          dataIndex: 'handling',
          render: (v: string, it) => <Input.TextArea value={v} disabled={disabled} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} onChange={(e) => setItem(it.itemId, { handling: e.target.value })} data-testid="item-handling" />,
        },
      ]}
      data-testid="result-items"
    />
  );
}

/** 备注 (published unless withheld) and the whole result's 不予公开 (Art. 16), each with its reason. */
export function PublicityFields({ draft, onChange, disabled }: Props) {
  return (
    <div style={{ display: 'grid', gap: 8, maxWidth: 720 }}>
      <Typography.Text strong>备注（随结果公示）</Typography.Text>
      <Input.TextArea value={draft.remark} onChange={(e) => onChange({ remark: e.target.value })} disabled={disabled} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid="result-remark" />
      <Space wrap>
        <Checkbox checked={draft.remarkNonPublic !== null} disabled={disabled || !draft.remark.trim()} onChange={(e) => onChange({ remarkNonPublic: e.target.checked ? 'privacy' : null })} data-testid="result-remark-nonpublic">
          备注不予公开
        </Checkbox>
        {draft.remarkNonPublic ? <Select value={draft.remarkNonPublic} onChange={(v: NonPublicReason) => onChange({ remarkNonPublic: v })} options={reasonOptions} disabled={disabled} style={{ width: 140 }} aria-label="备注不予公开原因" /> : null}
      </Space>
      <Space wrap style={{ marginTop: 8 }}>
        <Checkbox checked={draft.nonPublic !== null} disabled={disabled} onChange={(e) => onChange({ nonPublic: e.target.checked ? 'trade_secret' : null })} data-testid="result-nonpublic">
          整条检查结果不予公示
        </Checkbox>
        {draft.nonPublic ? <Select value={draft.nonPublic} onChange={(v: NonPublicReason) => onChange({ nonPublic: v })} options={reasonOptions} disabled={disabled} style={{ width: 140 }} aria-label="不予公示原因" data-testid="result-nonpublic-reason" /> : null}
      </Space>
      {draft.nonPublic ? (
        <Input value={draft.nonPublicNote} onChange={(e) => onChange({ nonPublicNote: e.target.value })} disabled={disabled} maxLength={500} placeholder="不予公示的依据与说明（内部留存，不公示）" data-testid="result-nonpublic-note" />
      ) : null}
    </div>
  );
}
