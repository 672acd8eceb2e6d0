import { bureauResolver, type NamedBureau } from '../../../shared/domain/bureau-names';
import { parseDate } from '../../../shared/domain/dates';
import { matchLabel, type ImportColumn, type RowIssue } from '../../../shared/domain/imports';
import {
  checkInspectorFields,
  normaliseCertNo,
  normaliseIdSuffix,
  normalisePhone,
  splitList,
  type Gender,
  type InspectorStatus,
} from '../../../shared/domain/inspectors';
import type { ErrorCode } from '../../../shared/errors/codes';
import { messageZh } from '../../../shared/errors/messages-zh';
import type { BulkRecorder } from '../audit/audit-service';
import { canonicalJson } from '../audit/canonical-json';
import type { Clock } from '../config';
import type { Tx } from '../db/database';
import type { ImportKind } from '../imports/import-kind';
import {
  findInspectorByCert,
  findInspectorsByPerson,
  insertInspector,
  inspectorValues,
  loadInspectorSnapshot,
  updateInspector,
  type InspectorValues,
} from './inspector-repository';

/** One parsed file row. null = the cell was blank: a new inspector gets the default, an update keeps the stored value. */
export type InspectorRow = {
  bureauId: number;
  name: string;
  certNo: string | null;
  certValidFrom: string | null;
  certValidTo: string | null;
  enforcementQualified: boolean | null;
  businessLines: string[] | null;
  expertise: string[] | null;
  region: string | null;
  phone: string | null;
  gender: Gender | null;
  status: InspectorStatus | null;
  idSuffix: string | null;
};

/** `canAccessBureau`: the importing user's scope (ImportContext); rows for other bureaus are refused. */
type Deps = { bureaus: readonly NamedBureau[]; clock: Clock; canAccessBureau: (bureauId: number) => boolean };

const DATE_HINT = '如 2026-01-31、2026/1/31、2026年1月31日、20260131';

export const INSPECTOR_COLUMNS: readonly ImportColumn[] = [
  { key: 'name', label: '姓名', aliases: ['检查人员', '执法人员姓名', '执法人员', '检查人员姓名'], required: true },
  { key: 'bureau', label: '所属单位', aliases: ['单位', '所在单位', '工作单位'], required: true, hint: '单位全称、简称（如“和平区”“和平”）或 6 位行政区划代码' },
  { key: 'certNo', label: '执法证号', aliases: ['执法证件号', '证件号', '执法证件号码', '执法证编号'], required: false, hint: '6–30 位字母或数字；再次导入时按执法证号更新' },
  { key: 'certValidFrom', label: '证件有效期起', aliases: ['发证日期', '有效期起'], required: false, hint: DATE_HINT },
  { key: 'certValidTo', label: '证件有效期至', aliases: ['有效期至', '证件有效期'], required: false, hint: `${DATE_HINT}；“长期”表示无截止日期` },
  { key: 'qualified', label: '是否具有执法资格', aliases: ['执法资格'], required: false, hint: '是/否；填写了执法证号时默认为“是”' },
  { key: 'businessLines', label: '业务条线', aliases: ['业务线条', '条线'], required: false, hint: '多个用“、”分隔' },
  { key: 'expertise', label: '专长', aliases: ['专业特长', '擅长领域'], required: false, hint: '多个用“、”分隔' },
  { key: 'region', label: '负责区域', aliases: ['区域', '片区', '网格'], required: false },
  { key: 'phone', label: '联系电话', aliases: ['电话', '手机', '手机号码'], required: false },
  { key: 'gender', label: '性别', aliases: [], required: false, hint: '男/女' },
  { key: 'status', label: '状态', aliases: ['在岗状态'], required: false, hint: '在岗/离岗，默认在岗' },
  { key: 'idSuffix', label: '身份证后四位', aliases: ['身份证号后四位', '身份证号'], required: false, hint: '只保存后四位' },
];

const LABELS = new Map(INSPECTOR_COLUMNS.map((c) => [c.key, c.label]));
const YES_NO = { yes: ['是', '有', 'Y', 'YES', '具有', '√'], no: ['否', '无', 'N', 'NO', '不具有', '×'] } as const;
const GENDER_NAMES = { male: ['男'], female: ['女'] } as const;
const STATUS_NAMES = { active: ['在岗', '在职', '正常'], inactive: ['离岗', '离职', '调离', '退休', '停用'] } as const;
const OPEN_ENDED = ['长期', '长期有效', '无固定期限'];
const FIELD_COLUMN = { certNo: 'certNo', certValidFrom: 'certValidFrom', certValidTo: 'certValidTo', phone: 'phone', idSuffix: 'idSuffix' } as const;

function issueAt(line: number, key: string, code: ErrorCode, value?: string): RowIssue {
  return { line, column: LABELS.get(key) ?? null, code, message: value === undefined ? messageZh(code) : `${messageZh(code)}（“${value}”）` };
}

/** A cell parser: the value, null for a blank cell, or an issue. */
type Cell<T> = { ok: true; value: T | null } | { ok: false; code: ErrorCode };

function labelled<T extends string>(raw: string | undefined, names: Readonly<Record<T, readonly string[]>>): Cell<T> {
  if (!raw) return { ok: true, value: null };
  const value = matchLabel(raw, names);
  return value === undefined ? { ok: false, code: 'IMPORT_VALUE_INVALID' } : { ok: true, value };
}

function dateCell(raw: string | undefined): Cell<string> {
  if (!raw) return { ok: true, value: null };
  const value = parseDate(raw);
  return value === null ? { ok: false, code: 'INSPECTOR_DATE_INVALID' } : { ok: true, value };
}

function listCell(raw: string | undefined): Cell<string[]> {
  if (!raw) return { ok: true, value: null };
  const value = splitList(raw);
  return value.some((v) => v.length > 50) ? { ok: false, code: 'IMPORT_VALUE_INVALID' } : { ok: true, value };
}

/** 证件有效期至 may hold 长期, or a whole period (2024-01-01至2028-12-31) when the column is 证件有效期. */
function validityCells(fromRaw: string | undefined, toRaw: string | undefined): { from: Cell<string>; to: Cell<string> } {
  if (toRaw && OPEN_ENDED.includes(toRaw.replace(/\s+/g, ''))) return { from: dateCell(fromRaw), to: { ok: true, value: null } };
  const range = toRaw?.split(/\s*(?:至|~|～|〜|—)\s*/);
  if (range && range.length === 2) {
    const to = OPEN_ENDED.includes(range[1] ?? '') ? ({ ok: true, value: null } as const) : dateCell(range[1]);
    return { from: dateCell(fromRaw || range[0]), to };
  }
  return { from: dateCell(fromRaw), to: dateCell(toRaw) };
}

function textCell(raw: string | undefined, max: number): Cell<string> {
  if (!raw) return { ok: true, value: null };
  return raw.length > max ? { ok: false, code: 'IMPORT_VALUE_INVALID' } : { ok: true, value: raw };
}

/** A full 15/18-character ID number is cut to its last four characters before anything else sees it. */
function idSuffixOf(raw: string | undefined): string | null {
  const v = normaliseIdSuffix(raw);
  return v !== null && (v.length === 15 || v.length === 18) ? v.slice(-4) : v;
}

/** Stored values with the file's non-blank cells laid over them. */
export function mergeInspectorRow(current: InspectorValues, row: InspectorRow): InspectorValues {
  const newCert = row.certNo !== null && row.certNo !== current.certNo;
  return {
    bureauId: row.bureauId,
    name: row.name,
    gender: row.gender ?? current.gender,
    idSuffix: row.idSuffix ?? current.idSuffix,
    certNo: row.certNo ?? current.certNo,
    certValidFrom: row.certValidFrom ?? current.certValidFrom,
    certValidTo: row.certValidTo ?? current.certValidTo,
    enforcementQualified: row.enforcementQualified ?? (newCert && current.certNo === null ? true : current.enforcementQualified),
    businessLines: row.businessLines ?? current.businessLines,
    expertise: row.expertise ?? current.expertise,
    region: row.region ?? current.region,
    phone: row.phone ?? current.phone,
    status: row.status ?? current.status,
    userId: current.userId,
  };
}

const blankValues = (row: InspectorRow): InspectorValues => ({
  bureauId: row.bureauId,
  name: row.name,
  gender: null,
  idSuffix: null,
  certNo: null,
  certValidFrom: null,
  certValidTo: null,
  enforcementQualified: false,
  businessLines: [],
  expertise: [],
  region: null,
  phone: null,
  status: 'active',
  userId: null,
});

/** The upsert key: 执法证号 when present, else 所属单位 + 姓名 + 联系电话. */
export const inspectorRowKey = (row: InspectorRow) => (row.certNo !== null ? `cert:${row.certNo}` : `person:${row.bureauId}:${row.name}:${row.phone ?? ''}`);

/** How the 执法检查人员名录库 plugs into the import engine. */
export function createInspectorImportKind({ bureaus, clock, canAccessBureau }: Deps): ImportKind<InspectorRow> {
  const resolveBureau = bureauResolver(bureaus);

  function parseRow(record: Readonly<Record<string, string>>, line: number): { ok: true; key: string; row: InspectorRow } | { ok: false; issues: RowIssue[] } {
    const issues: RowIssue[] = [];
    const take = <T>(key: string, cell: Cell<T>): T | null => {
      if (cell.ok) return cell.value;
      issues.push(issueAt(line, key, cell.code, record[key]));
      return null;
    };
    const name = take('name', textCell(record.name, 40));
    if (!record.name) issues.push(issueAt(line, 'name', 'IMPORT_REQUIRED'));
    const bureauId = record.bureau ? resolveBureau(record.bureau) : undefined;
    if (!record.bureau) issues.push(issueAt(line, 'bureau', 'IMPORT_REQUIRED'));
    else if (bureauId === undefined) issues.push(issueAt(line, 'bureau', 'IMPORT_BUREAU_UNKNOWN', record.bureau));
    else if (!canAccessBureau(bureauId)) issues.push(issueAt(line, 'bureau', 'FORBIDDEN', record.bureau));
    const validity = validityCells(record.certValidFrom, record.certValidTo);
    const row: Omit<InspectorRow, 'bureauId' | 'name'> = {
      certNo: normaliseCertNo(record.certNo),
      certValidFrom: take('certValidFrom', validity.from),
      certValidTo: take('certValidTo', validity.to),
      enforcementQualified: ((v) => (v === null ? null : v === 'yes'))(take('qualified', labelled(record.qualified, YES_NO))),
      businessLines: take('businessLines', listCell(record.businessLines)),
      expertise: take('expertise', listCell(record.expertise)),
      region: take('region', textCell(record.region, 100)),
      phone: normalisePhone(record.phone),
      gender: take('gender', labelled(record.gender, GENDER_NAMES)),
      status: take('status', labelled(record.status, STATUS_NAMES)),
      idSuffix: idSuffixOf(record.idSuffix),
    };
    for (const issue of checkInspectorFields(row)) issues.push(issueAt(line, FIELD_COLUMN[issue.field], issue.code, record[FIELD_COLUMN[issue.field]]));
    if (issues.length > 0 || bureauId === undefined || name === null) return { ok: false, issues };
    const full: InspectorRow = { ...row, bureauId, name };
    return { ok: true, key: inspectorRowKey(full), row: full };
  }

  /** The stored inspector a row updates: by 执法证号, else (or when that is new) by unit + name + phone. */
  async function resolve(tx: Tx, row: InspectorRow, line: number): Promise<{ current?: InspectorValues & { id: number }; issue?: RowIssue }> {
    const byCert = row.certNo !== null ? await findInspectorByCert(tx, row.certNo) : undefined;
    if (byCert && !canAccessBureau(byCert.bureauId)) return { issue: issueAt(line, 'certNo', 'INSPECTOR_DUPLICATE', row.certNo ?? '') };
    if (byCert) return { current: { ...inspectorValues(byCert), id: byCert.id } };
    const people = (await findInspectorsByPerson(tx, row.bureauId, row.name, row.phone)).filter((p) => row.certNo === null || p.certNo === null);
    if (people.length > 1) return { issue: issueAt(line, 'name', 'INSPECTOR_IMPORT_AMBIGUOUS', row.name) };
    const [person] = people;
    return person ? { current: { ...inspectorValues(person), id: person.id } } : {};
  }

  async function applyChunk(tx: Tx, rows: { key: string; row: InspectorRow; line: number }[], bulk: BulkRecorder) {
    const counts = { inserted: 0, updated: 0, unchanged: 0, issues: [] as RowIssue[] };
    const now = clock.now().toISOString();
    for (const { row, line } of rows) {
      const { current, issue } = await resolve(tx, row, line);
      if (issue) {
        counts.issues.push(issue);
        continue;
      }
      const { id, ...stored } = current ?? { ...blankValues(row), id: 0 };
      const next = mergeInspectorRow(stored, row);
      const [problem] = checkInspectorFields(next);
      if (problem) {
        counts.issues.push(issueAt(line, FIELD_COLUMN[problem.field], problem.code));
        continue;
      }
      if (id === 0) {
        const inserted = await insertInspector(tx, next, now);
        await bulk.add(inserted, (await loadInspectorSnapshot(tx, inserted)).snapshot);
        counts.inserted++;
      } else if (canonicalJson(next) === canonicalJson(stored)) {
        counts.unchanged++;
      } else {
        await updateInspector(tx, id, next, now);
        await bulk.add(id, (await loadInspectorSnapshot(tx, id)).snapshot);
        counts.updated++;
      }
    }
    return counts;
  }

  return {
    directory: 'inspectors',
    entity: 'inspector',
    columns: INSPECTOR_COLUMNS,
    parseRow,
    applyChunk,
    templateRows: [
      { name: '张明', bureau: '和平区市场监督管理局', certNo: '21010220190001', certValidFrom: '2024-01-01', certValidTo: '2028-12-31', qualified: '是', businessLines: '食品、特种设备', expertise: '特种设备', region: '南湖市场监管所', phone: '024-23456789', gender: '男', status: '在岗', idSuffix: '' },
      { name: '李华', bureau: '沈河区', certNo: '', certValidFrom: '', certValidTo: '', qualified: '否', businessLines: '登记注册', expertise: '计量', region: '五里河市场监管所', phone: '13800000000', gender: '女', status: '在岗', idSuffix: '' },
    ],
  };
}
