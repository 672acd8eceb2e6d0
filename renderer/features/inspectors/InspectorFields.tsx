import type { InspectorDto } from '../../../shared/contract/inspectors';
import { useBureaus } from '../bureaus/use-bureaus';
import { RecordFields } from '../directory/RecordFields';
import { versionStamp } from '../directory/version-stamp';
import { formatInspectorValue, INSPECTOR_FIELD_LABELS } from './inspector-labels';

const FIELDS = ['name', 'gender', 'bureauId', 'status', 'certNo', 'enforcementQualified', 'certValidFrom', 'certValidTo', 'businessLines', 'expertise', 'region', 'phone', 'idSuffix', 'userId'] as const;

export function InspectorFields({ inspector }: { inspector: InspectorDto }) {
  const bureaus = useBureaus();
  return (
    <RecordFields
      testId="inspector"
      fields={FIELDS}
      label={(field) => INSPECTOR_FIELD_LABELS[field]}
      valueProps={(field) => ({ className: field === 'certNo' ? 'cb-code' : undefined })}
      value={(field) => (field === 'certValidTo' && inspector.certNo && inspector.certValidTo === null ? '长期' : formatInspectorValue(field, inspector[field], bureaus.nameOf))}
      trailing={[{ key: 'updatedAt', label: '更新时间', span: 'filled', children: versionStamp(inspector) }]}
    />
  );
}
