import { Alert } from 'antd';
import type { VolumeDto } from '../../../shared/contract/volumes';

/** Above the workspace: an archived volume is read-only for good; one in legal review until it is decided. */
export function ArchiveBanner({ volume: v }: { volume: VolumeDto }) {
  if (v.status === 'archived') {
    return (
      <Alert
        type="info"
        showIcon
        title={`本卷已归档，档号 ${v.archiveNo ?? '—'}：内容只读，不能再修改、装订或标记`}
        description="归档后补充的材料请在下方“归档”中登记为补充件（备考表说明），已归档的版本保持不变。"
        data-testid="volume-archived-banner"
      />
    );
  }
  if (v.status === 'in_review') {
    return <Alert type="warning" showIcon title="本卷正在法制审核中，暂不能修改；如需修改，请由法制审核人员退回" data-testid="volume-review-banner" />;
  }
  return null;
}
