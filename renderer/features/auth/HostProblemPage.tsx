import { Button, Result } from 'antd';
import { HOST_PROBLEM_MESSAGES, type HostProblem } from '../../rpc/rpc-failure';
import { useSession } from './session-context';

/** Full-page message when the backend cannot be used at all (bad host token, host not running). */
export function HostProblemPage({ problem }: { problem: HostProblem }) {
  const { retry } = useSession();
  const tokenProblem = problem === 'token-invalid';
  return (
    <div style={{ height: '100%', display: 'grid', placeItems: 'center', background: '#fff' }} data-testid="host-problem">
      <Result
        status={tokenProblem ? 'warning' : 'error'}
        title={<span data-testid="host-problem-message">{HOST_PROBLEM_MESSAGES[problem]}</span>}
        subTitle={
          tokenProblem
            ? '地址形如 http://127.0.0.1:端口/#token=…，令牌只在本次启动中有效；重新启动后请使用新的地址。'
            : '可能是后台服务已退出或正在重新启动。'
        }
        extra={
          tokenProblem ? null : (
            <Button type="primary" onClick={retry}>
              重试
            </Button>
          )
        }
      />
    </div>
  );
}
