import { Col, Form, Input, InputNumber, Select } from 'antd';
import type { ItemDto } from '../../../shared/contract/items';
import { CUSTODY_RULES, CUSTODY_RULE_LABELS, INSPECTION_METHODS, INSPECTION_METHOD_LABELS, ITEM_CLASSES, ITEM_CLASS_LABELS, ITEM_LEVELS, ITEM_LEVEL_LABELS, type CustodyRule, type InspectionMethod, type ItemClass, type ItemLevel } from '../../../shared/domain/items';
import { FormModalShell } from '../../forms/FormModalShell';
import { HALF_COLUMN as half, optionalText as opt } from '../../forms/form-values';
import { useEntityForm } from '../../forms/use-entity-form';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';

type Values = {
  bureauId: number;
  level?: ItemLevel;
  businessLine: string;
  seq?: number | null;
  code?: string;
  category: string;
  name: string;
  targetScope?: string;
  itemClass: ItemClass;
  methods: InspectionMethod[];
  subject?: string;
  basis?: string;
  content?: string;
  ratioNote?: string;
  remark?: string;
  custodyRule: CustodyRule;
};

const FIELDS = ['bureauId', 'level', 'businessLine', 'seq', 'code', 'category', 'name', 'targetScope', 'itemClass', 'methods', 'subject', 'basis', 'content', 'ratioNote', 'remark', 'custodyRule'] as const;

type Props = { item: ItemDto | null; open: boolean; onClose(): void; onSaved?(item: ItemDto): void };

/** New item (item = null) or edit one. An item's list (单位、层级、业务条线) is fixed once created. */
export function ItemFormModal({ item, open, onClose, onSaved }: Props) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const { submit, ...shell } = useEntityForm({ create: 'items.create', update: 'items.update', fieldNames: FIELDS, onSaved, onClose });
  const initial: Partial<Values> = item
    ? { ...item, seq: item.seq, code: item.code, targetScope: item.targetScope ?? undefined, subject: item.subject ?? undefined, basis: item.basis ?? undefined, content: item.content ?? undefined, ratioNote: item.ratioNote ?? undefined, remark: item.remark ?? undefined }
    : { bureauId: user.bureauId, itemClass: 'general', methods: [], custodyRule: 'territorial' };

  const onFinish = (v: Values) => {
    const fields = {
      seq: v.seq ?? null,
      code: opt(v.code),
      category: v.category,
      name: v.name,
      targetScope: opt(v.targetScope),
      itemClass: v.itemClass,
      methods: v.methods ?? [],
      subject: opt(v.subject),
      basis: opt(v.basis),
      content: opt(v.content),
      ratioNote: opt(v.ratioNote),
      remark: opt(v.remark),
      custodyRule: v.custodyRule,
    };
    return submit(
      item
        ? { update: { id: item.id, expectedVersion: item.version, ...fields } }
        : { create: { bureauId: v.bureauId, level: v.level, businessLine: v.businessLine, ...fields } },
    );
  };

  return (
    <FormModalShell<Values> {...shell} open={open} title={item ? `编辑抽查事项：${item.name}` : '新增抽查事项'} width={820} onClose={onClose} name="item" initialValues={initial} onFinish={onFinish}>
          <Col {...half}>
            <Form.Item label="单位" name="bureauId" rules={[{ required: true }]}>
              <Select disabled={item !== null} options={bureauOptions(bureaus.within(user.bureauId))} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item label="层级" name="level" extra={item ? undefined : '留空为单位本级'}>
              <Select disabled={item !== null} allowClear options={ITEM_LEVELS.map((l) => ({ value: l, label: ITEM_LEVEL_LABELS[l] }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item label="业务条线" name="businessLine" rules={[{ required: true, whitespace: true, message: '请填写业务条线' }]}>
              <Input disabled={item !== null} maxLength={50} placeholder="如：食品安全" />
            </Form.Item>
          </Col>
          <Col xs={8} md={4}>
            <Form.Item label="序号" name="seq">
              <InputNumber min={1} max={99999} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={16} md={8}>
            <Form.Item label="事项编码" name="code" extra="留空时按“抽查类别 + 抽查事项”生成">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="抽查类别" name="category" rules={[{ required: true, whitespace: true, message: '请填写抽查类别' }]}>
              <Input maxLength={100} autoFocus />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="抽查事项" name="name" rules={[{ required: true, whitespace: true, message: '请填写抽查事项' }]}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="事项类别" name="itemClass" rules={[{ required: true }]}>
              <Select options={ITEM_CLASSES.map((c) => ({ value: c, label: ITEM_CLASS_LABELS[c] }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="管辖规则" name="custodyRule">
              <Select options={CUSTODY_RULES.map((c) => ({ value: c, label: CUSTODY_RULE_LABELS[c] }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="检查方式" name="methods">
              <Select mode="multiple" options={INSPECTION_METHODS.map((m) => ({ value: m, label: INSPECTION_METHOD_LABELS[m] }))} placeholder="可多选" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="检查对象" name="targetScope">
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="检查主体" name="subject">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="检查依据" name="basis">
              <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="抽查内容" name="content">
              <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="抽查比例及频次" name="ratioNote">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="备注" name="remark">
              <Input maxLength={1000} />
            </Form.Item>
          </Col>
    </FormModalShell>
  );
}
