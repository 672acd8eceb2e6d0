import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installBundledFont } from './app/bundled-font';
import { createDefaultRpcClient } from './rpc/rpc-client';
import './app/global.css';

installBundledFont(document);
const client = createDefaultRpcClient(window);
const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
