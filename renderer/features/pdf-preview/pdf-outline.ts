import type { PDFDocumentProxy } from 'pdfjs-dist';

/** A bookmark with the page it leads to (1-based; null when its destination cannot be resolved). */
export type OutlineNode = { key: string; title: string; page: number | null; children: OutlineNode[] };

type RawItem = { title: string; dest: string | unknown[] | null; items: RawItem[] };

async function pageOf(doc: PDFDocumentProxy, dest: RawItem['dest']): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    const target = explicit?.[0];
    if (typeof target === 'number') return target + 1;
    if (target && typeof target === 'object' && 'num' in target && 'gen' in target) return (await doc.getPageIndex(target as { num: number; gen: number })) + 1;
  } catch {
    // A broken destination leaves the bookmark listed but not clickable.
  }
  return null;
}

async function resolve(doc: PDFDocumentProxy, items: readonly RawItem[], prefix: string): Promise<OutlineNode[]> {
  return Promise.all(
    items.map(async (item, i) => ({
      key: `${prefix}${i}`,
      title: item.title.trim() || '（无标题）',
      page: await pageOf(doc, item.dest),
      children: await resolve(doc, item.items, `${prefix}${i}.`),
    })),
  );
}

/** The document outline (书签) with resolved page numbers; empty when the PDF has none. */
export async function readOutline(doc: PDFDocumentProxy): Promise<OutlineNode[]> {
  const outline = (await doc.getOutline()) as RawItem[] | null;
  return outline ? resolve(doc, outline, '') : [];
}

/** The bookmark whose page range holds `page`: the last one (in reading order) starting at or before it. */
export function currentOutlineKey(nodes: readonly OutlineNode[], page: number): string | null {
  let best: { key: string; page: number } | null = null;
  const walk = (list: readonly OutlineNode[]) => {
    for (const node of list) {
      if (node.page !== null && node.page <= page && (best === null || node.page >= best.page)) best = { key: node.key, page: node.page };
      walk(node.children);
    }
  };
  walk(nodes);
  return (best as { key: string } | null)?.key ?? null;
}
