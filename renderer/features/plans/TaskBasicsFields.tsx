import { Col, DatePicker, Form, Input, Radio, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PlanDto } from '../../../shared/contract/plans';
import { DRAW_PURPOSES, DRAW_PURPOSE_LABELS } from '../../../shared/domain/draws/draw-record';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';
import { ItemPickerField } from './ItemPickerField';
import { TagsInput } from './TagsInput';


/** 基本信息: name, purpose, 定向/不定向, executing bureau, items, schedule window, joint inspection. */
export function TaskBasicsFields({ plan }: { plan: PlanDto }) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const joint = Form.useWatch<boolean>('joint');
  const inYear = (d: Dayjs | null) => d === null || d.year() === plan.year;

  return (
    <Row gutter={16}>
      <Col xs={24} md={10}>
        <Form.Item label="任务名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写任务名称' }]}>
          <Input maxLength={100} autoFocus placeholder="如：第一批次 食品销售者抽查" data-testid="task-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={7}>
        <Form.Item label="抽查目的" name="purpose" rules={[{ required: true }]}>
          <Select options={DRAW_PURPOSES.map((p) => ({ value: p, label: DRAW_PURPOSE_LABELS[p] }))} data-testid="task-purpose" />
        </Form.Item>
      </Col>
      <Col xs={24} md={7}>
        <Form.Item label="抽查方式" name="directed">
          <Radio.Group
            optionType="button"
            options={[
              { value: false, label: '不定向' },
              { value: true, label: '定向' },
            ]}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="抽查事项" name="itemIds" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个抽查事项' }]}>
          <ItemPickerField placeholder="搜索并选择检查事项清单中的事项" testId="task-items" ariaLabel="抽查事项" />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item label="实施单位" name="executingBureauId" rules={[{ required: true, message: '请选择实施单位' }]}>
          <Select options={bureauOptions(bureaus.within(user.bureauId))} showSearch={{ optionFilterProp: 'label' }} data-testid="task-bureau" />
        </Form.Item>
      </Col>
      <Col xs={24} md={7}>
        <Form.Item
          label="检查时间"
          name="window"
          rules={[
            { required: true, message: '请选择检查时间' },
            { validator: (_, v: [Dayjs, Dayjs] | null) => (!v || (inYear(v[0]) && inYear(v[1])) ? Promise.resolve() : Promise.reject(new Error(`检查时间应在计划年度（${plan.year} 年）内`))) },
          ]}
        >
          <DatePicker.RangePicker format="YYYY-MM-DD" style={{ width: '100%' }} defaultPickerValue={[dayjs(`${plan.year}-01-01`), dayjs(`${plan.year}-02-01`)]} data-testid="task-window" />
        </Form.Item>
      </Col>
      <Col xs={24} md={7}>
        <Form.Item label="联合检查" name="joint" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" data-testid="task-joint" />
        </Form.Item>
      </Col>
      {joint ? (
        <>
          <Col xs={24} md={10}>
            <Form.Item label="牵头部门" name="leadDepartment" rules={[{ required: true, whitespace: true, message: '请填写牵头部门' }]}>
              <Input maxLength={60} placeholder="如：市场监管局" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item label="参与部门" name="departments">
              <TagsInput ariaLabel="参与部门" />
            </Form.Item>
          </Col>
        </>
      ) : null}
    </Row>
  );
}
