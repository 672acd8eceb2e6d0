/** Bureau hierarchy rule: a user acts on their own bureau and the bureaus below it. */
export type BureauNode = { id: number; parentId: number | null };

export function bureauWithin(bureaus: ReadonlyMap<number, BureauNode>, candidate: number, ancestor: number): boolean {
  let current: number | null = candidate;
  for (let guard = 0; current !== null && guard < 32; guard++) {
    if (current === ancestor) return true;
    current = bureaus.get(current)?.parentId ?? null;
  }
  return false;
}
