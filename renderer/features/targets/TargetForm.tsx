import { Alert, Button, Card, Col, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import type { TargetCreateInput } from '../../../shared/contract/targets';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { CREDIT_CLASSES, REG_STATUSES, REG_STATUS_LABELS, RISK_LEVELS, RISK_LEVEL_LABELS, SUBJECT_KINDS, SUBJECT_KIND_LABELS } from '../../../shared/domain/targets';
import { normalizeCode } from '../../../shared/domain/uscc';
import { applyServerError } from '../../forms/server-errors';
import { hrefOf } from '../../router/navigation';
import { RpcFailure } from '../../rpc/rpc-failure';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';
import { CREDIT_CLASS_LABELS, FIELD_LABELS, SUBJECT_KIND_SHORT } from './target-labels';
import { TARGET_FIELD_NAMES, toTargetInput, type TargetFormValues } from './target-form-values';
import { creditCodeRules } from './uscc-rules';

type FormProblem = { text: string; existingId?: number; conflict?: boolean };

type Props = {
  title: ReactNode;
  initialValues: TargetFormValues;
  /** Bureaus the user may choose as 属地. */
  territorialChoices: number[];
  submitLabel: string;
  onSubmit(input: TargetCreateInput): Promise<void>;
  onCancel(): void;
  onReload?(): void;
};

const FIELD_OF_CODE: Partial<Record<string, keyof TargetFormValues>> = { TARGET_CODE_REQUIRED: 'creditCode', TARGET_IDENTIFIER_REQUIRED: 'identifier' };

export function TargetForm({ title, initialValues, territorialChoices, submitLabel, onSubmit, onCancel, onReload }: Props) {
  const [form] = Form.useForm<TargetFormValues>();
  const bureaus = useBureaus();
  const kind = Form.useWatch('kind', form) ?? initialValues.kind;
  const code = Form.useWatch('creditCode', form) ?? '';
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const market = kind !== 'non_market';

  const onFinish = async (values: TargetFormValues) => {
    setSaving(true);
    setProblem(null);
    try {
      await onSubmit(toTargetInput(values));
    } catch (error) {
      const field = error instanceof RpcFailure ? FIELD_OF_CODE[error.code] : undefined;
      if (error instanceof RpcFailure && field && typeof error.details.field !== 'string') {
        form.setFields([{ name: field, errors: [MESSAGES_ZH[error.code]] }]);
      } else {
        const text = applyServerError(form, error, { fieldNames: TARGET_FIELD_NAMES });
        const existingId = error instanceof RpcFailure && typeof error.details.existingId === 'number' ? error.details.existingId : undefined;
        const conflict = error instanceof RpcFailure && error.code === 'TARGET_VERSION_CONFLICT';
        if (text || existingId) setProblem({ text: text ?? MESSAGES_ZH.TARGET_DUPLICATE, existingId, conflict });
      }
      setSaving(false);
    }
  };

  const span = { xs: 24, md: 12 };
  return (
    <Card title={title} data-testid="target-form">
      {problem ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={problem.text}
          data-testid="target-form-error"
          action={
            problem.existingId ? (
              <a href={hrefOf(`/targets/${problem.existingId}`)}>查看已有记录</a>
            ) : problem.conflict && onReload ? (
              <Button size="small" onClick={onReload}>
                重新加载（放弃本次修改）
              </Button>
            ) : null
          }
        />
      ) : null}
      <Form<TargetFormValues> form={form} name="target" layout="vertical" initialValues={initialValues} onFinish={onFinish} disabled={saving} scrollToFirstError>
        <Form.Item label={FIELD_LABELS.kind} name="kind" extra={SUBJECT_KIND_LABELS[kind]} data-testid="field-kind">
          <Radio.Group optionType="button" buttonStyle="solid" options={SUBJECT_KINDS.map((k) => ({ value: k, label: SUBJECT_KIND_SHORT[k] }))} />
        </Form.Item>
        <Row gutter={16}>
          {market ? (
            <Col {...span}>
              <Form.Item
                label={FIELD_LABELS.creditCode}
                name="creditCode"
                rules={creditCodeRules}
                validateFirst
                extra={`18 位统一社会信用代码（或 15 位旧注册号），已输入 ${code.length} 位`}
                data-testid="field-creditCode"
                // Upper-case, strip spaces and full-width forms as people type or paste.
                normalize={(value: string) => normalizeCode(value)}
              >
                <Input className="cb-code" autoFocus maxLength={40} autoComplete="off" data-testid="target-creditCode" />
              </Form.Item>
            </Col>
          ) : (
            <>
              <Col {...span}>
                <Form.Item label={FIELD_LABELS.identifier} name="identifier" rules={[{ required: true, whitespace: true, message: MESSAGES_ZH.TARGET_IDENTIFIER_REQUIRED }]} data-testid="field-identifier">
                  <Input maxLength={60} autoFocus data-testid="target-identifier" />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item label={FIELD_LABELS.description} name="description" rules={[{ required: true, whitespace: true, message: MESSAGES_ZH.TARGET_IDENTIFIER_REQUIRED }]} data-testid="field-description">
                  <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="target-description" />
                </Form.Item>
              </Col>
            </>
          )}
          <Col {...span}>
            <Form.Item label={FIELD_LABELS.name} name="name" rules={[{ required: true, whitespace: true, message: '请填写名称' }]} data-testid="field-name">
              <Input maxLength={200} data-testid="target-name" />
            </Form.Item>
          </Col>
          <Col {...span}>
            <Form.Item label={FIELD_LABELS.legalRep} name="legalRep" data-testid="field-legalRep">
              <Input maxLength={60} data-testid="target-legalRep" />
            </Form.Item>
          </Col>
          <Col {...span}>
            <Form.Item label={FIELD_LABELS.address} name="address" data-testid="field-address">
              <Input maxLength={300} data-testid="target-address" />
            </Form.Item>
          </Col>
          <Col {...span}>
            <Form.Item label={FIELD_LABELS.registrationBureauId} name="registrationBureauId" data-testid="field-registrationBureauId">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={bureauOptions(bureaus.list)} placeholder="请选择登记机关" data-testid="target-registrationBureau" />
            </Form.Item>
          </Col>
          <Col {...span}>
            <Form.Item label={FIELD_LABELS.territorialBureauId} name="territorialBureauId" rules={[{ required: true, message: '请选择属地' }]} data-testid="field-territorialBureauId">
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={bureauOptions(territorialChoices.map((id) => bureaus.byId.get(id)).filter((b) => b !== undefined))}
                data-testid="target-territorialBureau"
              />
            </Form.Item>
          </Col>
          <Col {...span}>
            <Form.Item label={FIELD_LABELS.industry} name="industry" data-testid="field-industry">
              <Input maxLength={100} placeholder="如：食品销售、餐饮服务" data-testid="target-industry" />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label={FIELD_LABELS.riskLevel} name="riskLevel" data-testid="field-riskLevel">
              <Select allowClear placeholder="未评定" options={RISK_LEVELS.map((r) => ({ value: r, label: RISK_LEVEL_LABELS[r] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label={FIELD_LABELS.creditClass} name="creditClass" data-testid="field-creditClass">
              <Select allowClear placeholder="未评定" options={CREDIT_CLASSES.map((c) => ({ value: c, label: CREDIT_CLASS_LABELS[c] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label={FIELD_LABELS.regStatus} name="regStatus" data-testid="field-regStatus">
              <Select options={REG_STATUSES.map((s) => ({ value: s, label: REG_STATUS_LABELS[s] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="target-save">
            {submitLabel}
          </Button>
          <Button onClick={onCancel} disabled={false}>
            取消
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
