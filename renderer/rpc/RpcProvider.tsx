import type { ReactNode } from 'react';
import { RpcClientContext } from './rpc-context';
import type { RpcClient } from './rpc-client';

export function RpcProvider({ client, children }: { client: RpcClient; children: ReactNode }) {
  return <RpcClientContext.Provider value={client}>{children}</RpcClientContext.Provider>;
}
