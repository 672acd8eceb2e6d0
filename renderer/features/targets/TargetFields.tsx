import { Descriptions } from 'antd';
import dayjs from 'dayjs';
import type { TargetDto } from '../../../shared/contract/targets';
import { useBureaus } from '../bureaus/use-bureaus';
import { FIELD_LABELS, formatFieldValue } from './target-labels';

const MARKET_FIELDS = ['kind', 'creditCode', 'name', 'legalRep', 'address', 'registrationBureauId', 'territorialBureauId', 'industry', 'riskLevel', 'creditClass', 'regStatus'] as const;
const NON_MARKET_FIELDS = ['kind', 'identifier', 'name', 'description', 'legalRep', 'address', 'registrationBureauId', 'territorialBureauId', 'industry', 'riskLevel', 'creditClass', 'regStatus'] as const;

export function TargetFields({ target }: { target: TargetDto }) {
  const bureaus = useBureaus();
  const fields = target.kind === 'non_market' ? NON_MARKET_FIELDS : MARKET_FIELDS;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="target-fields"
      items={[
        ...fields.map((field) => ({
          key: field,
          label: FIELD_LABELS[field],
          span: field === 'description' || field === 'address' ? ('filled' as const) : undefined,
          children: (
            <span className={field === 'creditCode' || field === 'identifier' ? 'cb-code' : undefined} data-testid={`target-value-${field}`}>
              {formatFieldValue(field, target[field], bureaus.nameOf)}
            </span>
          ),
        })),
        { key: 'createdAt', label: '创建时间', children: dayjs(target.createdAt).format('YYYY-MM-DD HH:mm:ss') },
        { key: 'updatedAt', label: '更新时间', children: `${dayjs(target.updatedAt).format('YYYY-MM-DD HH:mm:ss')}（第 ${target.version} 版）` },
      ]}
    />
  );
}
