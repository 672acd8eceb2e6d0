import { createContext, useContext } from 'react';
import type { RpcClient } from './rpc-client';

export const RpcClientContext = createContext<RpcClient | null>(null);

export function useRpcClient(): RpcClient {
  const client = useContext(RpcClientContext);
  if (!client) throw new Error('useRpcClient outside <RpcProvider>');
  return client;
}
