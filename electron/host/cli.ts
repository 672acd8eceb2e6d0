import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { contract, type Envelope } from '../../shared/contract';
import { AppError } from '../../shared/errors/app-error';
import { messageZh } from '../../shared/errors/messages-zh';
import { ROLES, type Role } from '../../shared/domain/roles';
import { createAppContext, type AppContext } from '../core/app-context';
import { SYSTEM_ACTOR } from '../core/audit/audit-service';
import { defaultDataDir } from '../core/config';
import { workdaysAddCommand } from './cli-calendar';
import { exportCommand, importCommand } from './cli-directories';
import { DOCS_USAGE, docsRenderCommand, isDocumentKind } from './cli-docs';
import { SCAN_USAGE, scanAcquireCommand, scanDevicesCommand, scanImportCommand, scanSeparatorCommand, searchCommand } from './cli-scan';
import { VOLUME_USAGE, volumeCommand } from './cli-volumes';
import { ARCHIVE_USAGE, archiveCommand } from './cli-archive';
import { TRANSFER_USAGE, transferCommand } from './cli-transfer';
import { BACKUP_USAGE, backupCommand } from './cli-backup';
import { LENDING_USAGE, lendingCommand } from './cli-lending';
import { OCR_USAGE, ocrCommand, ocrCommandOptions } from './cli-ocr';
import { PUBLISH_USAGE, publishExportCommand, publishExportOptions } from './cli-publish';
import { drawExportCommand, drawReplayCommand, drawRunCommand, drawVerifyCommand } from './cli-draws';
import { addDemoData } from './demo-data';
import { createHeadlessPlatform } from './headless-platform';
import { startWebHost } from './web-host';

const root = path.resolve(__dirname, '..', '..');
const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

const HELP = `casebinder ${version} — 双随机、一公开 抽查专卷与档案管理

用法 / usage: casebinder <command> [options]
  init [--demo]                     创建数据文件夹和管理员（打印一次性密码）
  serve [--port N] [--auto-init]    启动本地 Web 界面（仅 127.0.0.1，打印带令牌的地址）
  methods                           列出全部接口方法及其输入 JSON Schema
  call METHOD --input JSON [--user LOGIN]   通过 dispatch 调用一个方法，打印结果信封
  users add --login L --name N --bureau CODE --roles r1,r2
  targets import FILE [--mode skip-bad|all-or-nothing] [--encoding auto|utf8|gb18030] [--sheet 名称] [--bureau 区划代码] [--user LOGIN]
  inspectors import FILE …，items import FILE …（选项同上）
  targets export --out FILE(.csv|.xlsx) [--bureau 区划代码] [--user LOGIN]
  audit verify                      校验审计哈希链（发现断裂时退出码非 0）
  draw run --task ID [--seed HEX] [--witness 姓名] [--user LOGIN]   公布种子承诺并执行摇号与人员匹配
  draw verify DRAW_ID               按记录复算摇号（不一致时退出码 1）
  draw export DRAW_ID --out DIR     导出摇号记录 PDF、记录 JSON、检查对象库清单 CSV
  draw replay --record FILE.json --population FILE.csv   第三方复算（无需数据文件夹）
  docs render notice|register|order --inspection ID [--correction ID] --out FILE.pdf [--user LOGIN]
                                    生成行政检查告知书、责令改正通知书（自动编文号）或登记表的新版本 PDF（order 默认最近一次责令改正）
  volume bind|check|export VOLUME_ID [--out FILE.pdf] [--version N] [--public] [--reason 理由] [--user LOGIN]
                                    装订专卷为新版本 PDF / 齐全性检查（缺项时退出码 1）/ 导出装订版本（--public 导出公开版，无最新公开版时先生成）
  archive verify [--volume ID] [--user LOGIN]   四性检测（真实性、完整性、可用性、安全性），发现问题时退出码 1
  publish export --bureau 区划代码 --from DATE --to DATE --out FILE.csv [--format xlsx] [--include-published] [--user LOGIN]
                                    导出本单位已复核检查结果的公示文件（每个对象每个事项一行；不予公开的不导出）
  scan import FILE… [--volume ID] [--doc-type TYPE] [--user LOGIN]
                                    导入扫描件（JPEG/PNG/TIFF/PDF）：拆页、方向识别、纠偏、OCR，按条码分隔页拆分并归入专卷
  scan separator --volume ID --doc-type TYPE --out FILE.pdf   打印条码分隔页
  scan devices                      列出扫描仪（SANE scanimage）及其分辨率、色彩模式、纸张来源
  scan acquire --device DEV [--dpi N] [--mode M] [--source S] [--feeder] [--volume ID] [--doc-type TYPE] [--user LOGIN]
                                    用扫描仪扫描（--feeder 扫完进纸器中的全部页面），随后同 scan import 处理
  search QUERY [--user LOGIN]       全文检索页面文字与专卷信息（本单位范围）
  ocr FILE… --out DIR [--workers N] [--model fast|accurate] [--cache DIR]
                                    识别图像中的文字（JPEG/PNG/多页 TIFF），每页写一个 .txt（无需数据文件夹）
  ${TRANSFER_USAGE}
                                    移交：生成签名的移交包（BagIt）/ 校验并接收 / 导入回执办结 / 导出或信任单位公钥
  ${BACKUP_USAGE}
                                    备份数据文件夹（增量）/ 校验备份 / 恢复到新的空文件夹
  ${LENDING_USAGE}
                                    借阅：列出 / 申请（默认纸质，--electronic 电子借阅）/ 保管单位档案员批准、不予借阅、借出、归还（默认状况“完好”）/ 导出电子借阅的加水印副本
  workdays add DATE N               DATE 起第 N 个工作日（起算日不计入，按国务院放假安排；无需数据文件夹，给出 --data-dir 时含导入的年度）
通用选项: --data-dir DIR（默认 ${defaultDataDir()}）  --json（输出一个 JSON 对象）`;

type Options = { dataDir: string; json: boolean; values: Record<string, string | boolean | undefined>; positionals: string[] };

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' }, json: { type: 'boolean' }, demo: { type: 'boolean' }, port: { type: 'string' },
      'auto-init': { type: 'boolean' }, input: { type: 'string' }, user: { type: 'string' }, login: { type: 'string' },
      name: { type: 'string' }, bureau: { type: 'string' }, roles: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      mode: { type: 'string' }, encoding: { type: 'string' }, sheet: { type: 'string' }, out: { type: 'string' },
      task: { type: 'string' }, seed: { type: 'string' }, witness: { type: 'string' }, record: { type: 'string' }, population: { type: 'string' }, inspection: { type: 'string' },
      correction: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, 'include-published': { type: 'boolean' }, public: { type: 'boolean' }, reason: { type: 'string' }, 'page-numbers': { type: 'string' }, version: { type: 'string' }, receipt: { type: 'string' },
      workers: { type: 'string' }, model: { type: 'string' }, cache: { type: 'string' },
      status: { type: 'string' }, purpose: { type: 'string' }, days: { type: 'string' }, electronic: { type: 'boolean' }, note: { type: 'string' }, condition: { type: 'string' },
      volume: { type: 'string' }, 'doc-type': { type: 'string' }, device: { type: 'string' }, dpi: { type: 'string' }, source: { type: 'string' }, feeder: { type: 'boolean' },
    },
  });
  const opts: Options = { dataDir: path.resolve(String(values['data-dir'] ?? defaultDataDir())), json: Boolean(values.json), values, positionals };
  const [command, sub] = positionals;
  if (values.help || !command) {
    process.stdout.write(HELP + '\n');
    return command || values.help ? 0 : 2;
  }
  try {
    switch (command) {
      case 'init': return await init(opts);
      case 'serve': return await serve(opts);
      case 'methods': return methods(opts);
      case 'call': return await call(opts);
      case 'users': if (sub === 'add') return await usersAdd(opts); break;
      case 'audit': if (sub === 'verify') return await auditVerify(opts); break;
      case 'draw': return await draw(sub, opts);
      case 'docs': if (sub === 'render') return await docs(opts); break;
      case 'publish': if (sub === 'export') return await publishExport(opts); break;
      case 'volume': return await volume(sub, opts);
      case 'scan': return await scan(sub, opts);
      case 'search': return await search(opts);
      case 'archive': { const r = await archiveCommand(sub, values, () => open(opts, false)); if (!r) return usage(ARCHIVE_USAGE); out(opts, r.json, r.text); return r.code; }
      case 'transfer': return await transferCommand(sub, { ...opts, open: () => open(opts, false) });
      case 'lending': return await lendingCommand(sub, { ...opts, open: () => open(opts, false) });
      case 'backup': case 'restore': return await backupCommand(command, { ...opts, open: (dataDir) => (dataDir ? open({ ...opts, dataDir }, false, true) : open(opts, false)) });
      case 'ocr': { const o = ocrCommandOptions(values, positionals.slice(1)); return o ? await ocrCommand(o) : usage(OCR_USAGE); }
      case 'workdays': if (sub === 'add') return await workdaysAddCommand({ args: positionals.slice(2), json: opts.json, resourcesDir: path.join(root, 'resources'), openDataFolder: values['data-dir'] ? () => open(opts, false) : null }); break;
      case 'targets':
      case 'inspectors':
      case 'items':
        if (sub === 'import') return await directoryImport(command, opts);
        if (sub === 'export' && command === 'targets') return await directoryExport(opts);
        break;
    }
    process.stderr.write(`未知命令 / unknown command: ${positionals.join(' ')}\n\n${HELP}\n`);
    return 2;
  } catch (error) {
    return reportError(error, opts.json);
  }
}

function reportError(error: unknown, json: boolean): number {
  const code = error instanceof AppError ? error.code : 'INTERNAL';
  const details = error instanceof AppError ? error.details : { message: String((error as Error)?.message ?? error) };
  if (json) process.stdout.write(JSON.stringify({ ok: false, error: { code, details } }) + '\n');
  process.stderr.write(`错误 ${code}：${messageZh(code)}\n`);
  return 1;
}

function out(opts: Options, json: unknown, text: string) {
  process.stdout.write((opts.json ? JSON.stringify(json) : text) + '\n');
}

async function open(opts: Options, create: boolean, resumeJobs = false): Promise<AppContext> {
  return createAppContext({
    dataDir: opts.dataDir,
    resourcesDir: path.join(root, 'resources'),
    platform: createHeadlessPlatform(),
    create,
    version,
    echoLog: true,
    resumeJobs,
  });
}

async function init(opts: Options): Promise<number> {
  const app = await open(opts, true);
  try {
    const admin = await app.ensureInitialised();
    const demo = opts.values.demo ? await addDemoData(app) : null;
    const bureaus = app.services.bureaus.list().length;
    out(
      opts,
      { bureaus, admin: admin.adminLogin, password: admin.oneTimePassword, created: admin.created, dataDir: opts.dataDir, demoTargets: demo?.targets ?? 0 },
      [
        `数据文件夹：${opts.dataDir}`,
        `单位：${bureaus} 个`,
        admin.created ? `管理员：${admin.adminLogin}　一次性密码：${admin.oneTimePassword}（首次登录后须修改）` : `管理员 ${admin.adminLogin} 已存在，未改动。`,
        demo ? `演示数据：新增 ${demo.targets} 个检查对象（名称带【演示】）` : '',
      ].filter(Boolean).join('\n'),
    );
    return 0;
  } finally {
    await app.close();
  }
}

async function serve(opts: Options): Promise<number> {
  const autoInit = Boolean(opts.values['auto-init']);
  const app = await createAppContext({ dataDir: opts.dataDir, resourcesDir: path.join(root, 'resources'), platform: createHeadlessPlatform(), create: autoInit, version, echoLog: true, watchInbox: true, periodicChecks: true });
  const first = autoInit ? await app.ensureInitialised() : null;
  const host = await startWebHost(app, { port: opts.values.port ? Number(opts.values.port) : 0, rendererDir: path.join(root, 'dist', 'renderer') });
  if (opts.json) {
    out(opts, { url: host.url, port: host.port, token: host.token, ...(first?.created ? { admin: first.adminLogin, password: first.oneTimePassword } : {}) }, '');
  } else {
    if (first?.created) process.stdout.write(`首次运行：管理员 ${first.adminLogin}　一次性密码 ${first.oneTimePassword}（登录后须修改）\n`);
    process.stdout.write(`casebinder 已启动（数据：${opts.dataDir}）\n在浏览器中打开 / open: ${host.url}\n按 Ctrl+C 退出\n`);
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await host.close();
  await app.close();
  return 0;
}

function methods(opts: Options): number {
  const list = Object.entries(contract).map(([name, def]) => ({
    name,
    summary: def.summary,
    access: def.access,
    scope: def.scope,
    mutates: def.mutates,
    input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
  }));
  out(opts, { methods: list }, list.map((m) => `${m.name.padEnd(24)} ${m.summary}`).join('\n'));
  return 0;
}

async function call(opts: Options): Promise<number> {
  const method = opts.positionals[1] ?? '';
  let input: unknown = {};
  try {
    input = opts.values.input ? JSON.parse(String(opts.values.input)) : {};
  } catch {
    const envelope = { ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: [], message: '--input 不是有效的 JSON' }] } } };
    process.stdout.write(JSON.stringify(envelope) + '\n');
    return 1;
  }
  const app = await open(opts, false);
  try {
    const session = opts.values.user ? await app.services.auth.sessionForLogin(String(opts.values.user)) : undefined;
    const envelope: Envelope<unknown> = await app.dispatch({ method, input }, session);
    await app.services.jobs.idle();
    process.stdout.write(JSON.stringify(envelope, null, opts.json ? undefined : 2) + '\n');
    return envelope.ok ? 0 : 1;
  } finally {
    await app.close();
  }
}

async function usersAdd(opts: Options): Promise<number> {
  const v = opts.values;
  const roles = String(v.roles ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (!v.login || !v.bureau || roles.length === 0 || bad.length > 0) {
    process.stderr.write(`用法：users add --login L --name 姓名 --bureau 区划代码 --roles ${ROLES.join(',')}\n`);
    return 2;
  }
  const app = await open(opts, false);
  try {
    const bureau = app.services.bureaus.list().find((b) => b.divisionCode === v.bureau || String(b.id) === v.bureau);
    if (!bureau) throw new AppError('BUREAU_NOT_FOUND', { bureau: v.bureau });
    const { user, initialPassword } = await app.services.users.create(SYSTEM_ACTOR, { login: String(v.login), displayName: String(v.name ?? v.login), bureauId: bureau.id, roles: roles as Role[] });
    out(opts, { user, initialPassword }, `已创建 ${user.login}（${bureau.name}）　一次性密码：${initialPassword}`);
    return 0;
  } finally {
    await app.close();
  }
}

async function auditVerify(opts: Options): Promise<number> {
  const app = await open(opts, false);
  try {
    const report = await app.services.audit.verify(async () => undefined);
    const text = report.ok
      ? `审计链完好：${report.events} 条事件，所有记录与最后审计状态一致。`
      : [`审计链校验失败（${report.problems.length} 处）：`, ...report.problems.map((p) => `  [${p.kind}] ${p.seq !== null ? '#' + p.seq + ' ' : ''}${p.entity ?? ''} ${p.detail}`)].join('\n');
    out(opts, report, text);
    return report.ok ? 0 : 3;
  } finally {
    await app.close();
  }
}

async function directoryImport(directory: 'targets' | 'inspectors' | 'items', opts: Options): Promise<number> {
  const file = opts.positionals[2];
  if (!file) {
    process.stderr.write(`用法：${directory} import FILE [--mode skip-bad|all-or-nothing] [--encoding auto|utf8|gb18030]\n`);
    return 2;
  }
  const v = opts.values;
  const app = await open(opts, false);
  try {
    const r = await importCommand(app, directory, {
      file, mode: String(v.mode ?? 'skip-bad'), encoding: String(v.encoding ?? 'auto'), sheet: v.sheet ? String(v.sheet) : undefined,
      bureau: v.bureau ? String(v.bureau) : undefined, user: String(v.user ?? 'admin'), json: opts.json,
    });
    out(opts, r.json, r.text);
    return r.code;
  } finally {
    await app.close();
  }
}

async function directoryExport(opts: Options): Promise<number> {
  if (!opts.values.out) {
    process.stderr.write('用法：targets export --out FILE(.csv|.xlsx)\n');
    return 2;
  }
  const app = await open(opts, false);
  try {
    const r = await exportCommand(app, { out: String(opts.values.out), user: String(opts.values.user ?? 'admin'), bureau: opts.values.bureau ? String(opts.values.bureau) : undefined });
    out(opts, r.json, r.text);
    return r.code;
  } finally {
    await app.close();
  }
}

async function draw(sub: string | undefined, opts: Options): Promise<number> {
  const v = opts.values;
  const user = String(v.user ?? 'admin');
  const id = Number(opts.positionals[2]);
  if (sub === 'replay') {
    if (!v.record || !v.population) return usage('draw replay --record FILE.json --population FILE.csv');
    const r = drawReplayCommand({ record: String(v.record), population: String(v.population) });
    out(opts, r.json, r.text);
    return r.code;
  }
  if (sub === 'run' && !Number.isInteger(Number(v.task))) return usage('draw run --task TASK_ID [--seed HEX]');
  if ((sub === 'verify' || sub === 'export') && !Number.isInteger(id)) return usage(`draw ${sub} DRAW_ID`);
  if (sub === 'export' && !v.out) return usage('draw export DRAW_ID --out DIR');
  if (sub !== 'run' && sub !== 'verify' && sub !== 'export') return usage('draw run|verify|export|replay');
  const app = await open(opts, false);
  try {
    const r =
      sub === 'run'
        ? await drawRunCommand(app, { task: Number(v.task), seed: v.seed ? String(v.seed) : undefined, witness: v.witness ? String(v.witness) : undefined, user })
        : sub === 'verify'
          ? await drawVerifyCommand(app, { id, user })
          : await drawExportCommand(app, { id, out: String(v.out), user });
    out(opts, r.json, r.text);
    return r.code;
  } finally {
    await app.close();
  }
}

async function docs(opts: Options): Promise<number> {
  const [kind] = opts.positionals.slice(2);
  const inspection = Number(opts.values.inspection);
  const correction = opts.values.correction === undefined ? undefined : Number(opts.values.correction);
  if (!isDocumentKind(kind) || !Number.isInteger(inspection) || !opts.values.out || (correction !== undefined && !Number.isInteger(correction))) return usage(DOCS_USAGE);
  const app = await open(opts, false);
  try {
    const r = await docsRenderCommand(app, { kind, inspection, correction, out: String(opts.values.out), user: String(opts.values.user ?? 'admin') });
    out(opts, r.json, r.text);
    return r.code;
  } finally {
    await app.close();
  }
}

async function volume(sub: string | undefined, opts: Options): Promise<number> {
  const id = Number(opts.positionals[2]);
  const version = opts.values.version === undefined ? undefined : Number(opts.values.version);
  if ((sub !== 'bind' && sub !== 'check' && sub !== 'export') || !Number.isInteger(id) || id < 1 || (sub === 'export' && !opts.values.out) || (version !== undefined && !Number.isInteger(version))) return usage(VOLUME_USAGE);
  const app = await open(opts, false);
  try {
    const r = await volumeCommand(app, sub, { id, out: opts.values.out as string | undefined, version, public: opts.values.public === true, reason: opts.values.reason as string | undefined, pageNumbers: opts.values['page-numbers'] as string | undefined, user: String(opts.values.user ?? 'admin') });
    out(opts, r.json, r.text);
    return r.code;
  } finally {
    await app.close();
  }
}

async function withApp(opts: Options, run: (app: AppContext) => Promise<{ code: number; json: unknown; text: string }>): Promise<number> {
  const app = await open(opts, false);
  try {
    const r = await run(app);
    out(opts, r.json, r.text);
    return r.code;
  } finally {
    await app.close();
  }
}

async function scan(sub: string | undefined, opts: Options): Promise<number> {
  const user = String(opts.values.user ?? 'admin');
  const volumeId = opts.values.volume === undefined ? undefined : Number(opts.values.volume);
  if (volumeId !== undefined && (!Number.isInteger(volumeId) || volumeId < 1)) return usage(SCAN_USAGE);
  const docType = opts.values['doc-type'] as string | undefined;
  if (sub === 'import') {
    const files = opts.positionals.slice(2);
    if (files.length === 0) return usage(SCAN_USAGE);
    return withApp(opts, (app) => scanImportCommand(app, { files, volumeId, docType, user }));
  }
  if (sub === 'devices') return withApp(opts, (app) => scanDevicesCommand(app));
  if (sub === 'acquire') {
    const device = opts.values.device as string | undefined;
    const dpi = opts.values.dpi === undefined ? undefined : Number(opts.values.dpi);
    if (!device || (dpi !== undefined && (!Number.isInteger(dpi) || dpi < 50 || dpi > 1200))) return usage(SCAN_USAGE);
    const o = { device, dpi, mode: opts.values.mode as string | undefined, source: opts.values.source as string | undefined, feeder: Boolean(opts.values.feeder), volumeId, docType, user };
    return withApp(opts, (app) => scanAcquireCommand(app, o));
  }
  if (sub === 'separator') {
    if (volumeId === undefined || !opts.values.out) return usage(SCAN_USAGE);
    return withApp(opts, (app) => scanSeparatorCommand(app, { volumeId, docType, out: String(opts.values.out), user }));
  }
  return usage(SCAN_USAGE);
}

async function search(opts: Options): Promise<number> {
  const query = opts.positionals.slice(1).join(' ').trim();
  if (query === '') return usage(SCAN_USAGE);
  return withApp(opts, (app) => searchCommand(app, { query, user: String(opts.values.user ?? 'admin') }));
}

async function publishExport(opts: Options): Promise<number> {
  const o = publishExportOptions(opts.values);
  if (!o) return usage(PUBLISH_USAGE);
  const app = await open(opts, false);
  try {
    const r = await publishExportCommand(app, o);
    out(opts, r.json, r.text);
    return r.code;
  } finally {
    await app.close();
  }
}

function usage(text: string): number {
  process.stderr.write(`用法：casebinder ${text}\n`);
  return 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => process.exit(reportError(error, false)),
  );
}
