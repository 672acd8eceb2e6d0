import { Col, DatePicker, Form, Input, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { InspectorCreateInput, InspectorDto } from '../../../shared/contract/inspectors';
import { GENDERS, GENDER_LABELS, INSPECTOR_STATUSES, INSPECTOR_STATUS_LABELS, type Gender, type InspectorStatus } from '../../../shared/domain/inspectors';
import { FormModalShell } from '../../forms/FormModalShell';
import { HALF_COLUMN as half, optionalText as opt } from '../../forms/form-values';
import { useEntityForm } from '../../forms/use-entity-form';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';

type Values = {
  bureauId: number;
  name: string;
  gender?: Gender | null;
  idSuffix?: string;
  certNo?: string;
  certValidFrom?: Dayjs | null;
  certValidTo?: Dayjs | null;
  enforcementQualified: boolean;
  businessLines: string[];
  expertise: string[];
  region?: string;
  phone?: string;
  status: InspectorStatus;
};

const FIELDS = ['bureauId', 'name', 'gender', 'idSuffix', 'certNo', 'certValidFrom', 'certValidTo', 'enforcementQualified', 'businessLines', 'expertise', 'region', 'phone', 'status'] as const;
const day = (v: string | null) => (v ? dayjs(v) : null);

type Props = { inspector: InspectorDto | null; open: boolean; onClose(): void; onSaved?(inspector: InspectorDto): void };

/** New inspector (inspector = null) or edit one; 执法证号 format and dates are checked by the backend too. */
export function InspectorFormModal({ inspector, open, onClose, onSaved }: Props) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const { submit, ...shell } = useEntityForm({ create: 'inspectors.create', update: 'inspectors.update', fieldNames: FIELDS, onSaved, onClose });
  const i = inspector;
  const initial: Partial<Values> = i
    ? { ...i, idSuffix: i.idSuffix ?? undefined, certNo: i.certNo ?? undefined, certValidFrom: day(i.certValidFrom), certValidTo: day(i.certValidTo), region: i.region ?? undefined, phone: i.phone ?? undefined }
    : { bureauId: user.bureauId, enforcementQualified: true, businessLines: [], expertise: [], status: 'active' };

  const onFinish = (v: Values) => {
    const input: InspectorCreateInput = {
      bureauId: v.bureauId,
      name: v.name,
      gender: v.gender ?? null,
      idSuffix: opt(v.idSuffix),
      certNo: opt(v.certNo),
      certValidFrom: v.certValidFrom ? v.certValidFrom.format('YYYY-MM-DD') : null,
      certValidTo: v.certValidTo ? v.certValidTo.format('YYYY-MM-DD') : null,
      enforcementQualified: v.enforcementQualified,
      businessLines: v.businessLines ?? [],
      expertise: v.expertise ?? [],
      region: opt(v.region),
      phone: opt(v.phone),
      status: v.status,
      userId: i?.userId ?? null,
    };
    return submit(i ? { update: { ...input, id: i.id, expectedVersion: i.version } } : { create: input });
  };

  return (
    <FormModalShell<Values> {...shell} open={open} title={i ? `编辑执法检查人员：${i.name}` : '新增执法检查人员'} width={760} onClose={onClose} name="inspector" initialValues={initial} onFinish={onFinish}>
          <Col xs={24} md={8}>
            <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
              <Input maxLength={40} autoFocus />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="性别" name="gender">
              <Radio.Group options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={10}>
            <Form.Item label="所属单位" name="bureauId" rules={[{ required: true }]}>
              <Select options={bureauOptions(bureaus.within(user.bureauId))} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="执法证号" name="certNo" extra="6–30 位字母或数字" normalize={(v: string) => v.toUpperCase().replace(/\s+/g, '')}>
              <Input maxLength={40} className="cb-code" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="执法资格" name="enforcementQualified" valuePropName="checked">
              <Switch checkedChildren="具有" unCheckedChildren="不具有" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="状态" name="status">
              <Select options={INSPECTOR_STATUSES.map((s) => ({ value: s, label: INSPECTOR_STATUS_LABELS[s] }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="证件有效期起" name="certValidFrom">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="证件有效期至" name="certValidTo" extra="留空表示长期有效">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="业务条线" name="businessLines">
              <Select mode="tags" tokenSeparators={['、', '，', ',']} placeholder="输入后回车，可填多个" open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="专长" name="expertise">
              <Select mode="tags" tokenSeparators={['、', '，', ',']} placeholder="输入后回车，可填多个" open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="负责区域" name="region">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="联系电话" name="phone">
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="身份证后四位" name="idSuffix" extra="只保存后四位">
              <Input maxLength={4} />
            </Form.Item>
          </Col>
    </FormModalShell>
  );
}
