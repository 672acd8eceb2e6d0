import { Descriptions } from 'antd';
import dayjs from 'dayjs';
import type { InspectorDto } from '../../../shared/contract/inspectors';
import { useBureaus } from '../bureaus/use-bureaus';
import { formatInspectorValue, INSPECTOR_FIELD_LABELS } from './inspector-labels';

const FIELDS = ['name', 'gender', 'bureauId', 'status', 'certNo', 'enforcementQualified', 'certValidFrom', 'certValidTo', 'businessLines', 'expertise', 'region', 'phone', 'idSuffix', 'userId'] as const;

export function InspectorFields({ inspector }: { inspector: InspectorDto }) {
  const bureaus = useBureaus();
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="inspector-fields"
      items={[
        ...FIELDS.map((field) => ({
          key: field,
          label: INSPECTOR_FIELD_LABELS[field],
          children: (
            <span className={field === 'certNo' ? 'cb-code' : undefined} data-testid={`inspector-value-${field}`}>
              {field === 'certValidTo' && inspector.certNo && inspector.certValidTo === null ? '长期' : formatInspectorValue(field, inspector[field], bureaus.nameOf)}
            </span>
          ),
        })),
        { key: 'updatedAt', label: '更新时间', span: 'filled' as const, children: `${dayjs(inspector.updatedAt).format('YYYY-MM-DD HH:mm:ss')}（第 ${inspector.version} 版）` },
      ]}
    />
  );
}
