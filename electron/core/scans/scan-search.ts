import type { ScanSearchHitDto } from '../../../shared/contract';
import { normaliseForSearch } from '../../../shared/domain/scans/scans';
import type { VolumeDocType } from '../../../shared/domain/volumes/volumes';
import type { Database } from '../db/database';

/**
 * Every term must match (page text or its document's metadata): ≥ 3 characters through the trigram index,
 * 2 through the bigram index, 1 by a scan of the stored text. Newest pages first; only pages the caller's
 * bureaus may see.
 */
export async function searchPages(db: Database, input: { q: string; bureauIds: number[]; year?: number; docType?: VolumeDocType; limit: number }): Promise<{ hits: ScanSearchHitDto[]; total: number; truncated: boolean }> {
  // Terms are split before normalising (normalising removes the space between two Chinese terms).
  const terms = [...new Set(input.q.split(/[\s\u3000]+/).map((t) => normaliseForSearch(t).toLowerCase()).filter((t) => t !== ''))].slice(0, 8);
  if (terms.length === 0) return { hits: [], total: 0, truncated: false };
  const quoted = (t: string) => `"${t.replace(/"/g, '""')}"`;
  // One index drives the query in rowid order (newest first), so LIMIT stops it early: every term of
  // ≥ 3 characters in one trigram MATCH, else every 2-character term in one bigram MATCH, else a walk over
  // the stored text. The remaining short terms are checked on the driver's candidate rows only.
  const long = terms.filter((t) => [...t].length >= 3);
  const two = terms.filter((t) => [...t].length === 2);
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'page_fts f';
  let order = 'f.rowid';
  let checked: string[];
  if (long.length > 0) {
    where.push('f.page_fts MATCH ?');
    params.push(long.map(quoted).join(' AND '));
    checked = terms.filter((t) => [...t].length < 3);
  } else if (two.length > 0) {
    from = 'page_bigram g JOIN page_fts f ON f.rowid = g.rowid';
    order = 'g.rowid';
    where.push('g.page_bigram MATCH ?');
    params.push(two.map(quoted).join(' AND '));
    checked = terms.filter((t) => [...t].length < 2);
  } else {
    checked = terms;
  }
  for (const term of checked) {
    where.push('(instr(lower(f.body), ?) > 0 OR instr(lower(f.meta), ?) > 0)');
    params.push(term, term);
  }
  const scope = JSON.stringify(input.bureauIds);
  where.push(`(b.bureau_id IN (SELECT value FROM json_each(?)) OR v.custody_bureau_id IN (SELECT value FROM json_each(?)) OR v.inspecting_bureau_id IN (SELECT value FROM json_each(?)))`);
  params.push(scope, scope, scope);
  where.push(`coalesce(d.status, 'inbox') <> 'discarded'`);
  if (input.year !== undefined) {
    where.push(`substr(b.created_at, 1, 4) = ?`);
    params.push(String(input.year));
  }
  if (input.docType !== undefined) {
    where.push('d.doc_type = ?');
    params.push(input.docType);
  }
  type Hit = { page_id: number; body: string; meta: string; document_id: number | null; batch_id: number; volume_id: number | null; volume_title: string | null; target_name: string | null; doc_type: VolumeDocType | null; doc_title: string | null; position: number | null; seq: number; created_at: string };
  const rows = await db.all<Hit>(
    `SELECT p.id AS page_id, f.body, f.meta, p.document_id, p.batch_id, d.volume_id, v.title AS volume_title, t.name AS target_name, d.doc_type, d.title AS doc_title, p.position, p.seq, b.created_at
       FROM ${from} JOIN scan_pages p ON p.id = f.rowid JOIN scan_batches b ON b.id = p.batch_id
       LEFT JOIN scan_documents d ON d.id = p.document_id LEFT JOIN volumes v ON v.id = d.volume_id LEFT JOIN targets t ON t.id = v.target_id
      WHERE ${where.join(' AND ')}
      ORDER BY ${order} DESC LIMIT ?`,
    [...params, input.limit + 1],
  );
  const truncated = rows.length > input.limit;
  const hits = rows.slice(0, input.limit).map((r): ScanSearchHitDto => ({
    pageId: r.page_id,
    documentId: r.document_id,
    batchId: r.batch_id,
    volumeId: r.volume_id,
    volumeTitle: r.volume_title,
    targetName: r.target_name,
    docType: r.doc_type,
    documentTitle: r.doc_title,
    pageNo: r.position ?? r.seq,
    snippet: snippet(r.body, terms) ?? snippet(r.meta, terms) ?? r.body.slice(0, 60),
    createdAt: r.created_at,
  }));
  return { hits, total: hits.length, truncated };
}

/** Up to ~40 characters around the first match, the matches wrapped in 【 】; null when no term occurs. */
export function snippet(text: string, terms: readonly string[]): string | null {
  const lower = text.toLowerCase();
  let first = -1;
  for (const t of terms) {
    const i = lower.indexOf(t);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  if (first < 0) return null;
  const start = Math.max(0, first - 20);
  const end = Math.min(text.length, first + 40);
  let out = text.slice(start, end).replace(/\n/g, ' ');
  const lowerOut = out.toLowerCase();
  const marks: [number, number][] = [];
  for (const t of terms) {
    for (let i = lowerOut.indexOf(t); i >= 0; i = lowerOut.indexOf(t, i + t.length)) marks.push([i, i + t.length]);
  }
  marks.sort((a, b) => b[0] - a[0]);
  let lastStart = Infinity;
  for (const [s, e] of marks) {
    if (e > lastStart) continue; // overlapping matches: keep the later one
    out = `${out.slice(0, s)}【${out.slice(s, e)}】${out.slice(e)}`;
    lastStart = s;
  }
  return `${start > 0 ? '…' : ''}${out}${end < text.length ? '…' : ''}`;
}
