import { SearchOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useEffect } from 'react';
import { navigate } from '../../router/navigation';

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/**
 * 全文检索 in the top bar. Ctrl+Shift+F opens it from anywhere; Ctrl+K and / open it too, unless the screen
 * has its own search box (directory lists focus theirs on the same keys) or the user is typing.
 */
export function SearchLauncher() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        navigate('/search');
        return;
      }
      const ctrlK = mod && !event.shiftKey && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !mod && !event.altKey && !isTyping(event.target);
      if (!ctrlK && !slash) return;
      if (ctrlK) event.preventDefault(); // Chromium would otherwise move to its address bar
      // After the whole event: when a screen's own search box took the key (it is focused now), leave it.
      setTimeout(() => {
        if (!isTyping(document.activeElement)) navigate('/search');
      }, 0);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <Tooltip title="全文检索扫描页面与专卷（Ctrl+Shift+F；本页没有搜索框时也可按 Ctrl+K 或 /）">
      <Button type="text" icon={<SearchOutlined />} onClick={() => navigate('/search')} style={{ color: 'rgba(255,255,255,0.92)' }} data-testid="search-launcher">
        全文检索
      </Button>
    </Tooltip>
  );
}
