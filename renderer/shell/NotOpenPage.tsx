import { Result } from 'antd';
import { leafFor } from './nav-items';

/** An honest placeholder for areas that are planned but not built: no sample data, no fake screens. */
export function NotOpenPage({ path }: { path: string }) {
  const label = leafFor(path)?.label ?? '该功能';
  return (
    <Result
      status="info"
      title="尚未开放"
      subTitle={`「${label}」将在后续版本中提供。当前版本不包含此功能，这里不显示任何示例数据。`}
      data-testid="not-open"
    />
  );
}
