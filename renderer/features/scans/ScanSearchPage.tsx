import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Card, Empty, Input, Select, Space, Spin, Typography, type InputRef } from 'antd';
import { useRef, type KeyboardEvent } from 'react';
import { navigate } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { useSearchDraft } from '../directory/use-search-draft';
import { useSearchHotkey } from '../directory/use-search-hotkey';
import { DOC_TYPE_OPTIONS } from '../volumes/volume-labels';
import { readSearchState, searchPath, type SearchState } from './search-params';
import { SearchHit } from './SearchHit';
import './scans.css';

const LIMIT = 50;

/** Years to filter by: this one and the nine before (the batch's year). */
function yearOptions() {
  const now = new Date().getFullYear();
  return [{ value: 0, label: '全部年度' }, ...Array.from({ length: 10 }, (_, i) => ({ value: now - i, label: `${now - i} 年` }))];
}

/** 全文检索 (#/search): page text and volume / target / document metadata, within the user's bureaus. */
export function ScanSearchPage({ params }: { params: URLSearchParams }) {
  const state = readSearchState(params);
  const update = (patch: Partial<SearchState>) => navigate(searchPath({ ...state, ...patch }), { replace: true });
  const input = useRef<InputRef>(null);
  const list = useRef<HTMLDivElement>(null);
  useSearchHotkey(input);
  const { draft, setDraft, commitNow } = useSearchDraft(state.q, (q) => update({ q }));
  const search = useRpc('scans.search', { q: state.q, year: state.year, docType: state.docType, limit: LIMIT }, { enabled: state.q !== '', placeholderData: keepPreviousData, staleTime: 0 });
  const hits = state.q ? (search.data?.hits ?? []) : [];

  const focusHit = (index: number) => list.current?.querySelectorAll<HTMLElement>('[data-testid="search-hit"]')[index]?.focus();
  const onHitKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = Array.from(list.current?.querySelectorAll<HTMLElement>('[data-testid="search-hit"]') ?? []);
    const at = all.indexOf(e.currentTarget);
    if (e.key === 'ArrowDown' && at < all.length - 1) {
      e.preventDefault();
      focusHit(at + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (at > 0) focusHit(at - 1);
      else input.current?.focus();
    }
  };

  return (
    <Card title="全文检索" data-testid="search-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          ref={input}
          autoFocus
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={commitNow}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && hits.length > 0) {
              e.preventDefault();
              focusHit(0);
            }
          }}
          prefix={<SearchOutlined style={{ color: '#8c8c8c' }} />}
          allowClear
          maxLength={100}
          placeholder="检索扫描页面文字、案卷题名、检查对象或文件题名"
          style={{ width: 460 }}
          data-testid="search-query"
          aria-label="检索词"
        />
        <Select<number> value={state.year ?? 0} onChange={(y) => update({ year: y || undefined })} options={yearOptions()} style={{ width: 120 }} data-testid="search-year" aria-label="年度" />
        <Select<string>
          value={state.docType ?? ''}
          onChange={(t) => update({ docType: (t || undefined) as SearchState['docType'] })}
          options={[{ value: '', label: '全部文件类型' }, ...DOC_TYPE_OPTIONS]}
          virtual={false}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
          data-testid="search-doc-type"
          aria-label="文件类型"
        />
      </Space>
      <div style={{ marginBottom: 8, minHeight: 22 }}>
        {state.q && search.data ? (
          <Typography.Text type="secondary" data-testid="search-count">
            {search.data.total === 0 ? '没有找到' : `找到 ${search.data.total} 页`}
            {search.data.truncated ? `（只显示最新的 ${LIMIT} 页，请加检索词或筛选缩小范围）` : ''}
            {search.isFetching ? <Spin size="small" style={{ marginInlineStart: 8 }} /> : null}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">多个词用空格分开，须全部出现；一两个字的检索也可以。↓ 进入结果，Enter 打开页面。</Typography.Text>
        )}
      </div>
      {search.error ? <Alert type="error" showIcon title={failureMessage(search.error)} style={{ marginBottom: 12 }} /> : null}
      {state.q && search.data && hits.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有包含该检索词的页面" /> : null}
      <div ref={list} data-testid="search-results">
        {hits.map((hit) => (
          <SearchHit key={hit.pageId} hit={hit} onKeyDown={onHitKey} />
        ))}
      </div>
    </Card>
  );
}
