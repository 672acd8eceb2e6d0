import dayjs from 'dayjs';
import type { TargetDto } from '../../../shared/contract/targets';
import { useBureaus } from '../bureaus/use-bureaus';
import { RecordFields } from '../directory/RecordFields';
import { versionStamp } from '../directory/version-stamp';
import { FIELD_LABELS, formatFieldValue } from './target-labels';

const MARKET_FIELDS = ['kind', 'creditCode', 'name', 'legalRep', 'address', 'registrationBureauId', 'territorialBureauId', 'industry', 'riskLevel', 'creditClass', 'regStatus'] as const;
const NON_MARKET_FIELDS = ['kind', 'identifier', 'name', 'description', 'legalRep', 'address', 'registrationBureauId', 'territorialBureauId', 'industry', 'riskLevel', 'creditClass', 'regStatus'] as const;

export function TargetFields({ target }: { target: TargetDto }) {
  const bureaus = useBureaus();
  const fields = target.kind === 'non_market' ? NON_MARKET_FIELDS : MARKET_FIELDS;
  return (
    <RecordFields
      testId="target"
      fields={fields}
      column={{ xs: 1, md: 2 }}
      label={(field) => FIELD_LABELS[field]}
      wide={(field) => field === 'description' || field === 'address'}
      valueProps={(field) => ({ className: field === 'creditCode' || field === 'identifier' ? 'cb-code' : undefined })}
      value={(field) => formatFieldValue(field, target[field], bureaus.nameOf)}
      trailing={[
        { key: 'createdAt', label: '创建时间', children: dayjs(target.createdAt).format('YYYY-MM-DD HH:mm:ss') },
        { key: 'updatedAt', label: '更新时间', children: versionStamp(target) },
      ]}
    />
  );
}
