/** A row that waits: its own code (if any) and the codes it refers to. */
export interface WaitingRef {
  code?: string;
  refs: string[];
}

/**
 * Groups the codes of rows that refer to each other in a circle (a kring): each code in such a
 * group maps to the group's number. Rows on a chain that ends in a missing code are not in a
 * group. Tarjan's strongly connected components, iterative so a long chain cannot overflow.
 */
export function referenceCycles(rows: WaitingRef[]): Map<string, number> {
  const edges = new Map<string, string[]>();
  for (const row of rows) if (row.code) edges.set(row.code, row.refs);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups = new Map<string, number>();
  let counter = 0;
  let group = 0;
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: { code: string; next: number }[] = [{ code: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = (edges.get(frame.code) ?? []).filter((target) => edges.has(target));
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ code: target, next: 0 });
        } else if (onStack.has(target))
          low.set(frame.code, Math.min(low.get(frame.code)!, index.get(target)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].code;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.code)!));
      }
      if (low.get(frame.code) !== index.get(frame.code)) continue;
      const members: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        members.push(member);
      } while (member !== frame.code);
      const selfLoop = (edges.get(frame.code) ?? []).includes(frame.code);
      if (members.length > 1 || selfLoop) {
        group++;
        for (const code of members) groups.set(code, group);
      }
    }
  }
  return groups;
}
