import { Col, Form, Row, Select } from 'antd';
import { REG_STATUSES, REG_STATUS_LABELS, SUBJECT_KINDS, SUBJECT_KIND_LABELS } from '../../../shared/domain/targets';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';
import { ItemPickerField } from './ItemPickerField';

/** 抽查范围: who may be drawn. Empty lists mean no restriction (属地: the executing bureau and below). */
export function TaskScopeFields() {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const industries = useRpc('targets.industries', {}, { staleTime: 60_000 });
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label="主体类型" name="kinds" extra="不选为全部类型">
          <Select mode="multiple" allowClear options={SUBJECT_KINDS.map((k) => ({ value: k, label: SUBJECT_KIND_LABELS[k] }))} placeholder="全部类型" data-testid="task-kinds" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="属地范围" name="scopeBureauIds" extra="不选为实施单位及其下级单位">
          <Select mode="multiple" allowClear options={bureauOptions(bureaus.within(user.bureauId))} showSearch={{ optionFilterProp: 'label' }} placeholder="实施单位及下级" data-testid="task-scope-bureaus" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="行业" name="industries" extra="可从名录中的行业选择，也可输入后回车；不填为全部行业">
          <Select
            mode="tags"
            allowClear
            tokenSeparators={['、', '，', ',']}
            options={(industries.data ?? []).map((i) => ({ value: i.industry, label: `${i.industry}（${i.count}）` }))}
            placeholder="全部行业"
            data-testid="task-industries"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="分类标注" name="tagItemIds" extra="只抽取标注了这些抽查事项的检查对象；不选为不限">
          <ItemPickerField placeholder="不限" testId="task-tag-items" ariaLabel="分类标注" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="登记状态" name="regStatuses" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一种登记状态' }]} extra="默认只抽取存续的主体">
          <Select mode="multiple" options={REG_STATUSES.map((s) => ({ value: s, label: REG_STATUS_LABELS[s] }))} data-testid="task-reg-statuses" />
        </Form.Item>
      </Col>
    </Row>
  );
}
