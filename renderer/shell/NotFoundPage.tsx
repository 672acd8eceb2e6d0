import { Button, Result } from 'antd';
import { navigate } from '../router/navigation';
import { DEFAULT_PATH } from '../router/routes';

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="地址有误，或该页面已移动。"
      extra={
        <Button type="primary" onClick={() => navigate(DEFAULT_PATH)}>
          返回检查对象名录
        </Button>
      }
    />
  );
}
