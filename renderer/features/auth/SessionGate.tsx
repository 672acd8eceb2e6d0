import { Spin } from 'antd';
import { AppShell } from '../../shell/AppShell';
import { HostProblemPage } from './HostProblemPage';
import { LoginScreen } from './LoginScreen';
import { useSession } from './session-context';

export function SessionGate() {
  const { state } = useSession();
  switch (state.status) {
    case 'checking':
      return (
        <div style={{ height: '100%', display: 'grid', placeItems: 'center' }}>
          <Spin size="large" />
        </div>
      );
    case 'host-failure':
      return <HostProblemPage problem={state.problem} />;
    case 'signed-out':
      return <LoginScreen notice={state.notice} />;
    case 'signed-in':
      return <AppShell />;
  }
}
