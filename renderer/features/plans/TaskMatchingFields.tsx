import { Col, Form, InputNumber, Row, Select, Switch } from 'antd';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';
import { TagsInput } from './TagsInput';


/** 人员匹配: how many enforcement inspectors per target and which rules choose them; optional experts. */
export function TaskMatchingFields() {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const experts = Form.useWatch<number>('expertsPerTarget') ?? 0;
  return (
    <Row gutter={16}>
      <Col xs={12} md={6}>
        <Form.Item label="每对象执法人员数" name="teamSize" rules={[{ required: true, type: 'number', min: 2, max: 6, message: '每个检查对象至少 2 名、至多 6 名执法人员' }]}>
          <InputNumber min={2} max={6} precision={0} style={{ width: '100%' }} data-testid="task-team-size" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item label="每人上限（户）" name="maxPerInspector" extra="留空为不限（仍均衡分配）">
          <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} placeholder="不限" data-testid="task-max-per" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="所需专长" name="requiredSkills" extra="执法人员的业务条线或专长须至少符合一项；不填为不限">
          <TagsInput placeholder="输入后回车，如：食品安全" ariaLabel="所需专长" testId="task-skills" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item label="按区域匹配" name="matchRegion" valuePropName="checked" extra="执法人员负责区域与对象属地一致">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item label="避免上次同组" name="avoidLastPair" valuePropName="checked" extra="不与对象上次检查的人员组合相同">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="人员来源单位" name="poolBureauIds" extra="不选为实施单位的执法人员">
          <Select mode="multiple" allowClear options={bureauOptions(bureaus.within(user.bureauId))} showSearch={{ optionFilterProp: 'label' }} placeholder="实施单位" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item label="专家人数" name="expertsPerTarget" extra="每个对象随机选派的专家，0 为不选派">
          <InputNumber min={0} max={3} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      {experts > 0 ? (
        <Col xs={24} md={18}>
          <Form.Item label="专家领域" name="expertFields" rules={[{ required: true, type: 'array', min: 1, message: '请填写专家领域' }]}>
            <TagsInput placeholder="输入后回车，如：食品检验" ariaLabel="专家领域" />
          </Form.Item>
        </Col>
      ) : null}
    </Row>
  );
}
