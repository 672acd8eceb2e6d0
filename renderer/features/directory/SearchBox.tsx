import { SearchOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { useRef } from 'react';
import { useSearchHotkey } from './use-search-hotkey';
import { useSearchDraft } from './use-search-draft';

type Props = { query: string; onSearch(query: string): void; placeholder: string; testId: string; width?: number };

/** A directory's search box: searches while typing (after a pause) and on Enter; Ctrl+K or / focuses it. */
export function SearchBox({ query, onSearch, placeholder, testId, width = 300 }: Props) {
  const ref = useRef<InputRef>(null);
  useSearchHotkey(ref);
  const { draft, setDraft, commitNow } = useSearchDraft(query, onSearch);
  return (
    <Input
      ref={ref}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onPressEnter={commitNow}
      prefix={<SearchOutlined style={{ color: '#8c8c8c' }} />}
      allowClear
      placeholder={placeholder}
      suffix={<span style={{ color: '#bfbfbf', fontSize: 12 }} title="Ctrl+K 或 / 聚焦搜索框">Ctrl+K</span>}
      style={{ width }}
      data-testid={testId}
      aria-label={placeholder}
    />
  );
}
