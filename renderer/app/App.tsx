import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState } from 'react';
import { SessionProvider } from '../features/auth/SessionProvider';
import { SessionGate } from '../features/auth/SessionGate';
import type { RpcClient } from '../rpc/rpc-client';
import { RpcProvider } from '../rpc/RpcProvider';
import { createAppQueryClient } from './query-client';
import { appTheme } from './theme';

dayjs.locale('zh-cn');

export function App({ client }: { client: RpcClient }) {
  const [queryClient] = useState(createAppQueryClient);
  return (
    <ConfigProvider locale={zhCN} theme={appTheme} button={{ autoInsertSpace: false }}>
      <AntApp style={{ height: '100%' }}>
        <RpcProvider client={client}>
          <QueryClientProvider client={queryClient}>
            <SessionProvider>
              <SessionGate />
            </SessionProvider>
          </QueryClientProvider>
        </RpcProvider>
      </AntApp>
    </ConfigProvider>
  );
}
