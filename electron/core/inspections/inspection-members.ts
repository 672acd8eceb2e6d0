import { periodsOverlap } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/errors/app-error';
import type { Tx } from '../db/database';

type Reason = 'not_found' | 'duplicate' | 'other_bureau' | 'inactive' | 'not_qualified' | 'cert_invalid' | 'recused' | 'absent';

const REASON_TEXT: Record<Reason, string> = {
  not_found: '不在执法检查人员名录中',
  duplicate: '重复选择',
  other_bureau: '不属于检查实施单位（或其下级单位）',
  inactive: '已离岗',
  not_qualified: '不具备执法资格',
  cert_invalid: '执法证不在有效期内',
  recused: '须回避该检查对象',
  absent: '计划检查期间不在岗',
};

type InspectorRow = {
  id: number;
  bureau_id: number;
  name: string;
  cert_no: string | null;
  cert_valid_from: string | null;
  cert_valid_to: string | null;
  enforcement_qualified: number;
  status: string;
};

export type MemberCheck = {
  inspection: { target_id: number; inspecting_bureau_id: number; planned_start: string | null; planned_end: string | null };
  inspectorIds: number[];
  expertIds: number[];
  today: string;
  /** Is bureau `candidate` the inspecting bureau or below it? */
  within: (candidate: number, ancestor: number) => boolean;
};

/**
 * The rules of the draw's matching, applied to a hand-picked team (Art. 14: at least two enforcement
 * inspectors): every inspector named must be usable, not just two of them, so a change never smuggles in
 * someone the draw would have refused. Certificates must cover the planned period (today when unknown);
 * leave only counts when the planned dates are known. Throws INSPECTION_MEMBERS_INVALID with the reasons.
 */
export async function checkMembers(tx: Tx, c: MemberCheck): Promise<{ inspectors: { id: number; name: string }[]; experts: { id: number; name: string }[] }> {
  const ids = JSON.stringify(c.inspectorIds);
  const rows = new Map(
    (await tx.all<InspectorRow>(`SELECT id, bureau_id, name, cert_no, cert_valid_from, cert_valid_to, enforcement_qualified, status FROM inspectors WHERE id IN (SELECT value FROM json_each(?))`, [ids])).map((r) => [r.id, r]),
  );
  const recused = new Set((await tx.all<{ inspector_id: number }>('SELECT inspector_id FROM recusals WHERE target_id = ?', [c.inspection.target_id])).map((r) => r.inspector_id));
  const { planned_start: start, planned_end: end } = c.inspection;
  const period = { fromDate: start ?? end ?? c.today, toDate: end ?? start ?? c.today };
  const absent = new Set<number>();
  if (start !== null || end !== null) {
    const absences = await tx.all<{ inspector_id: number; from_date: string; to_date: string }>(`SELECT inspector_id, from_date, to_date FROM inspector_absences WHERE inspector_id IN (SELECT value FROM json_each(?))`, [ids]);
    for (const a of absences) if (periodsOverlap({ fromDate: a.from_date, toDate: a.to_date }, period)) absent.add(a.inspector_id);
  }

  const problems: { inspectorId: number; name: string | null; reason: Reason; message: string }[] = [];
  const seen = new Set<number>();
  const inspectors: { id: number; name: string }[] = [];
  for (const id of c.inspectorIds) {
    const row = rows.get(id);
    const reason: Reason | null = !row
      ? 'not_found'
      : seen.has(id)
        ? 'duplicate'
        : !c.within(row.bureau_id, c.inspection.inspecting_bureau_id)
          ? 'other_bureau'
          : row.status !== 'active'
            ? 'inactive'
            : row.enforcement_qualified !== 1 || row.cert_no === null
              ? 'not_qualified'
              : (row.cert_valid_from !== null && row.cert_valid_from > period.fromDate) || (row.cert_valid_to !== null && row.cert_valid_to < period.toDate)
                ? 'cert_invalid'
                : recused.has(id)
                  ? 'recused'
                  : absent.has(id)
                    ? 'absent'
                    : null;
    seen.add(id);
    if (reason) problems.push({ inspectorId: id, name: row?.name ?? null, reason, message: `${row?.name ?? `#${id}`}：${REASON_TEXT[reason]}` });
    else inspectors.push({ id, name: (row as InspectorRow).name });
  }
  const experts = await tx.all<{ id: number; name: string; status: string }>(`SELECT id, name, status FROM experts WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(c.expertIds)]);
  const expertById = new Map(experts.map((e) => [e.id, e]));
  const expertProblems = [...new Set(c.expertIds)].length !== c.expertIds.length ? ['专家重复选择'] : [];
  for (const id of c.expertIds) {
    const e = expertById.get(id);
    if (!e) expertProblems.push(`专家 #${id} 不在专家库中`);
    else if (e.status !== 'active') expertProblems.push(`专家${e.name}已停用`);
  }
  if (problems.length > 0 || inspectors.length < 2 || expertProblems.length > 0) {
    const messages = [...problems.map((p) => p.message), ...(inspectors.length < 2 ? ['至少需要两名符合条件的执法检查人员'] : []), ...expertProblems];
    throw new AppError('INSPECTION_MEMBERS_INVALID', { problems: messages, inspectors: problems.map(({ inspectorId, reason }) => ({ inspectorId, reason })), qualified: inspectors.length });
  }
  return { inspectors, experts: c.expertIds.map((id) => ({ id, name: (expertById.get(id) as { name: string }).name })) };
}
