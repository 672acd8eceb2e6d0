import { Empty, Spin, Tree, Typography, type TreeDataNode } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useMemo, useState } from 'react';
import { currentOutlineKey, readOutline, type OutlineNode } from './pdf-outline';

function toTree(nodes: readonly OutlineNode[]): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.key,
    disabled: node.page === null,
    title: (
      <span style={{ display: 'flex', gap: 8, alignItems: 'baseline' }} data-testid="pdf-outline-item" data-page={node.page ?? undefined}>
        <span style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{node.title}</span>
        <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontSize: 12 }}>
          {node.page ?? '—'}
        </Typography.Text>
      </span>
    ),
    children: toTree(node.children),
  }));
}

function pageByKey(nodes: readonly OutlineNode[], key: string): number | null {
  for (const node of nodes) {
    if (node.key === key) return node.page;
    const inner = pageByKey(node.children, key);
    if (inner !== null) return inner;
  }
  return null;
}

/** 书签: the PDF's outline with the page each entry starts on; the entry holding the current page is selected. */
export function PdfOutlinePanel({ doc, page, onJump }: { doc: PDFDocumentProxy; page: number; onJump(page: number): void }) {
  const [outline, setOutline] = useState<OutlineNode[] | null>(null);
  useEffect(() => {
    let live = true;
    readOutline(doc)
      .then((nodes) => live && setOutline(nodes))
      .catch(() => live && setOutline([]));
    return () => {
      live = false;
    };
  }, [doc]);
  const treeData = useMemo(() => (outline ? toTree(outline) : []), [outline]);
  const selected = outline ? currentOutlineKey(outline, page) : null;

  return (
    <nav aria-label="书签" data-testid="pdf-outline" style={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <Typography.Text strong style={{ padding: '10px 12px 6px' }}>
        书签
      </Typography.Text>
      <div style={{ flex: 1, minHeight: 0, overflow: 'auto', padding: '0 4px 12px' }}>
        {outline === null ? (
          <Spin size="small" style={{ display: 'block', marginTop: 24 }} />
        ) : outline.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="此文件没有书签" />
        ) : (
          <Tree
            blockNode
            defaultExpandAll
            treeData={treeData}
            selectedKeys={selected ? [selected] : []}
            onSelect={(_keys, info) => {
              const target = pageByKey(outline, String(info.node.key));
              if (target !== null) onJump(target);
            }}
          />
        )}
      </div>
    </nav>
  );
}
