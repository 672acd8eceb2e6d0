import { Alert, Descriptions, Empty } from 'antd';
import type { InspectionDto } from '../../../shared/contract/inspections';
import { NON_PUBLIC_REASON_LABELS, PUBLICATION_PLATFORM_LABELS } from '../../../shared/domain/inspections/inspections';
import { hrefOf } from '../../router/navigation';
import { useCurrentUser } from '../auth/session-context';
import { mayPublish } from './inspection-permissions';

/** 公示: when and where the result was published (registered from the 结果公示 page). */
export function PublicationTab({ inspection: i }: { inspection: InspectionDto }) {
  const user = useCurrentUser();
  const p = i.publication;
  if (i.result?.nonPublic) {
    return <Alert type="warning" showIcon title={`该检查结果涉及${NON_PUBLIC_REASON_LABELS[i.result.nonPublic]}，不予公示`} description={i.result.nonPublicNote ?? undefined} data-testid="publication-withheld" />;
  }
  if (!p) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={i.status === 'reviewed' ? '已复核，待公示（自结果形成之日起 10 个工作日内）' : '检查结果复核通过后公示'} data-testid="publication-none">
        {i.status === 'reviewed' && mayPublish(user.roles) ? <a href={hrefOf('/publication')}>前往结果公示</a> : null}
      </Empty>
    );
  }
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      data-testid="publication-info"
      items={[
        { key: 'date', label: '公示日期', children: p.publishedOn },
        { key: 'platforms', label: '公示平台', children: p.platforms.map((x) => PUBLICATION_PLATFORM_LABELS[x]).join('；') },
        { key: 'by', label: '登记人', children: p.publishedByName ?? '—' },
      ]}
    />
  );
}
