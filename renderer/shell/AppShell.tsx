import { Layout } from 'antd';
import { useState } from 'react';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal';
import { useSession } from '../features/auth/session-context';
import { useRoute } from '../router/use-route';
import { menuKeyOf } from '../router/routes';
import { useAppEvents } from '../rpc/use-app-events';
import { AppHeader } from './AppHeader';
import { RouteView } from './RouteView';
import { SideMenu } from './SideMenu';

export function AppShell() {
  const { state, refreshUser, signOut } = useSession();
  const route = useRoute();
  const [voluntaryChange, setVoluntaryChange] = useState(false);
  useAppEvents();
  if (state.status !== 'signed-in') return null;
  const forced = state.user.mustChangePassword;

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header>
        <AppHeader onChangePassword={() => setVoluntaryChange(true)} />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={232} theme="light" style={{ borderInlineEnd: '1px solid #e8e8e8', overflow: 'auto' }}>
          <SideMenu selectedKey={menuKeyOf(route)} roles={state.user.roles} />
        </Layout.Sider>
        <Layout.Content style={{ overflow: 'auto', padding: 16 }} id="main-content">
          <RouteView route={route} user={state.user} />
        </Layout.Content>
      </Layout>
      <ChangePasswordModal
        open={forced || voluntaryChange}
        forced={forced}
        knownOldPassword={forced ? state.pendingPassword : null}
        login={state.user.login}
        onDone={() => {
          setVoluntaryChange(false);
          void refreshUser();
        }}
        onCancel={() => (forced ? void signOut() : setVoluntaryChange(false))}
      />
    </Layout>
  );
}
