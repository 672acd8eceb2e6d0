import { isIsoDate } from '../../shared/domain/dates';
import { PUBLISHERS } from '../../shared/domain/inspections/inspections';
import { AppError } from '../../shared/errors/app-error';
import type { AppContext } from '../core/app-context';
import type { Publisher } from '../core/publish/publish-service';

type Result = { code: number; json: unknown; text: string };

export const PUBLISH_USAGE = 'publish export --bureau 区划代码 --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.csv [--format csv|xlsx] [--include-published] [--user LOGIN]';

export type PublishExportOptions = { bureau: string; from: string; to: string; out: string; format: 'csv' | 'xlsx'; includePublished: boolean; user: string | null };

/** The options as given, or null for a usage error. The format follows --format, else the file's extension. */
export function publishExportOptions(v: Record<string, string | boolean | undefined>): PublishExportOptions | null {
  const text = (x: string | boolean | undefined): string => (typeof x === 'string' ? x : '');
  const [bureau, from, to, out] = [text(v.bureau), text(v.from), text(v.to), text(v.out)];
  const format = typeof v.format === 'string' ? v.format : out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  if (!bureau || !out || !isIsoDate(from) || !isIsoDate(to) || from > to || (format !== 'csv' && format !== 'xlsx')) return null;
  return { bureau, from, to, out, format, includePublished: v['include-published'] === true, user: typeof v.user === 'string' ? v.user : null };
}

/**
 * `casebinder publish export`: the publicity file of one bureau's reviewed results formed in [from, to].
 * Without --user it runs as the data folder's administrator at the keyboard (audited as `admin`), who
 * prepares the file for the bureau named — the 谁检查谁公示 rule binds callers of the app, not the
 * operator of the data folder. With --user LOGIN it acts as that user: a publisher role and the user's
 * own bureau are required, as in the app. The Art. 16 withholding and the review rule apply either way.
 */
export async function publishExportCommand(app: AppContext, o: PublishExportOptions): Promise<Result> {
  const bureau = app.services.bureaus.list().find((b) => b.divisionCode === o.bureau || String(b.id) === o.bureau);
  if (!bureau) throw new AppError('BUREAU_NOT_FOUND', { bureau: o.bureau });
  const session = await app.services.auth.sessionForLogin(o.user ?? 'admin');
  if (o.user !== null && !session.roles.some((r) => (PUBLISHERS as readonly string[]).includes(r))) throw new AppError('FORBIDDEN', { requiredRoles: PUBLISHERS });
  const publisher: Publisher = { actor: { userId: session.userId, login: session.login }, ownBureauId: o.user === null ? null : session.bureauId };
  const r = await app.services.publish.exportFile(publisher, { bureauId: bureau.id, from: o.from, to: o.to, includePublished: o.includePublished, format: o.format }, o.out);
  const json = { file: r.file, format: o.format, rows: r.rows, inspections: r.inspections, withheld: r.withheld };
  const text = `已导出${bureau.name} ${o.from} 至 ${o.to} 的抽查结果公示文件：${r.inspections} 户、${r.rows} 行${r.withheld ? `（${r.withheld} 户涉及国家秘密、商业秘密或个人隐私，不予公示）` : ''}\n${r.file}`;
  return { code: 0, json, text };
}
