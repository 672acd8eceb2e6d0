import fs from 'node:fs/promises';
import path from 'node:path';
import type { LoanDto, MethodInput } from '../../shared/contract';
import { LOAN_FORM_LABELS, LOAN_PURPOSE_LABELS, LOAN_STATE_LABELS, type LoanPurpose } from '../../shared/domain/lending/lending';
import { AppError } from '../../shared/errors/app-error';
import type { AppContext } from '../core/app-context';
import { exportFilePath } from '../core/exports/export-file';
import { dispatcher } from './cli-transfer';

export const LENDING_USAGE = `lending list [--status pending|out|overdue|all] | lending request VOLUME_ID --purpose 查阅|复制|出证|其他 --days N [--electronic] [--note 说明]
         | lending approve LOAN_ID [--note 意见] | lending reject LOAN_ID --reason 理由 | lending checkout LOAN_ID | lending return LOAN_ID [--condition 案卷状况]
         | lending copy LOAN_ID --out FILE.pdf   [--user LOGIN]`;

type CliOptions = { json: boolean; dataDir: string; values: Record<string, string | boolean | undefined>; positionals: string[]; open: () => Promise<AppContext> };
type Result = { code: number; json: unknown; text: string };

// The same words as the 借阅管理 screen.
const PURPOSES = Object.fromEntries(Object.entries(LOAN_PURPOSE_LABELS).map(([k, label]) => [label, k as LoanPurpose])) as Record<(typeof LOAN_PURPOSE_LABELS)[LoanPurpose], LoanPurpose>;
/** The list filters, as the screen's tabs: 借出中 are paper originals out and approved loans (current electronic copies). */
const LIST_FILTERS = {
  pending: { states: ['requested'] },
  out: { states: ['out', 'approved'] },
  overdue: { overdue: true },
  all: {},
} as const satisfies Record<string, Partial<MethodInput<'lending.list'>>>;
/** Condition recorded on return when --condition is not given. */
const DEFAULT_CONDITION = '完好';

const isKey = <T extends object>(o: T, k: unknown): k is keyof T => typeof k === 'string' && Object.prototype.hasOwnProperty.call(o, k);
const positiveInt = (s: unknown): number | null => (typeof s === 'string' && /^[1-9]\d*$/.test(s) ? Number(s) : null);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const loanLine = (l: LoanDto): string =>
  [
    `#${l.id}`, l.archiveNo, l.volumeTitle, LOAN_FORM_LABELS[l.form], `${l.borrowerName}${l.borrowerUnit ? `（${l.borrowerUnit}）` : ''}`, LOAN_PURPOSE_LABELS[l.purpose], `${l.days} 天`,
    LOAN_STATE_LABELS[l.state] + (l.dueOn ? ` 至 ${l.dueOn}` : '') + (l.overdue ? '（逾期）' : ''),
  ].join('  ');

/** The call a subcommand makes, or null for bad usage. Every step goes through dispatch as LOGIN. */
function plan(sub: string, o: CliOptions): ((call: ReturnType<typeof dispatcher>['call']) => Promise<Result>) | null {
  const v = o.values;
  const args = o.positionals.slice(2);
  if (sub === 'list') {
    const status = v.status ?? 'all';
    if (args.length !== 0 || !isKey(LIST_FILTERS, status)) return null;
    return async (call) => {
      const items: LoanDto[] = [];
      for (let page = 1; ; page++) {
        const r = await call('lending.list', { ...LIST_FILTERS[status], page, pageSize: 500 });
        items.push(...r.items);
        if (r.items.length === 0 || items.length >= r.total) return { code: 0, json: { total: r.total, items }, text: items.map(loanLine).join('\n') || '（无借阅记录）' };
      }
    };
  }
  const id = args.length === 1 ? positiveInt(args[0]) : null;
  if (id === null) return null;
  const loan = (verb: string) => (l: LoanDto): Result => ({ code: 0, json: l, text: `${verb}：${loanLine(l)}` });
  switch (sub) {
    case 'request': {
      const days = positiveInt(v.days);
      if (!isKey(PURPOSES, v.purpose) || days === null) return null;
      const input = { volumeId: id, form: v.electronic === true ? 'electronic' : 'paper', purpose: PURPOSES[v.purpose], purposeNote: text(v.note) ?? null, days };
      return async (call) => loan('已提交借阅申请')(await call('lending.request', input));
    }
    case 'approve':
      return async (call) => loan('已批准')(await call('lending.approve', { id, note: text(v.note) ?? null }));
    case 'reject':
      if (!text(v.reason)) return null;
      return async (call) => loan('不予借阅')(await call('lending.reject', { id, note: text(v.reason) }));
    case 'checkout':
      return async (call) => loan('已借出')(await call('lending.checkOut', { id }));
    case 'return':
      return async (call) => loan('已归还')(await call('lending.return', { id, condition: text(v.condition) ?? DEFAULT_CONDITION }));
    case 'copy': {
      const out = text(v.out);
      if (!out) return null;
      return async (call) => {
        // The service writes the watermarked copy into exports/ and audits it (lending.exportCopy); the CLI hands it over to --out.
        const copy = await call('lending.openCopy', { id, mode: 'export' });
        const source = exportFilePath(o.dataDir, copy.fileName);
        if (source === null) throw new AppError('NOT_FOUND', { fileName: copy.fileName });
        const file = path.resolve(out);
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.copyFile(source, file);
        return { code: 0, json: { ...copy, file }, text: `已导出借阅副本（${copy.variant === 'full' ? '完整版' : '公开版'}第 ${copy.version} 版，${copy.pages} 页，加水印）：${file}` };
      };
    }
  }
  return null;
}

/**
 * `casebinder lending …` (借阅): list, request, approve/reject, paper checkout/return and the watermarked copy of
 * an electronic loan, each through dispatch as LOGIN (default admin), so contract roles, custody, borrower and
 * bureau rules are the core's, as in the UI. Exit 0 ok, 1 refused (code and Chinese message), 2 bad usage.
 */
export async function lendingCommand(sub: string | undefined, o: CliOptions): Promise<number> {
  const run = sub ? plan(sub, o) : null;
  if (!run) return usage();
  const app = await o.open();
  try {
    const { call } = dispatcher(app, String(o.values.user ?? 'admin'));
    const r = await run(call);
    process.stdout.write((o.json ? JSON.stringify(r.json) : r.text) + '\n');
    return r.code;
  } finally {
    await app.close();
  }
}

function usage(): number {
  process.stderr.write(`用法：casebinder ${LENDING_USAGE}\n`);
  return 2;
}
