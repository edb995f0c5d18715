/** Pure helpers of the wanted register's forms (BNSS 84). */

export const WANTED_KINDS = ['wanted', 'proclaimed_person', 'proclaimed_offender'] as const;

/**
 * The POST /registers/wanted body from the form's strings: empty fields left out, the reward a
 * number. A proclamation (BNSS 84) is a court order: the browser asks for the court and the order
 * date before sending (the server refuses it too).
 */
export function wantedBody(
  personId: string,
  v: Record<string, string | undefined>,
): { body: Record<string, unknown>; problems: Record<string, string> } {
  const s = (k: string) => v[k]?.trim() || undefined;
  const kind = s('kind') ?? 'wanted';
  const problems: Record<string, string> = {};
  if (!personId) problems.personId = 'people.wanted.pick_person';
  if (kind !== 'wanted') {
    if (!s('court')) problems.court = 'people.wanted.order_required';
    if (!s('orderDate')) problems.orderDate = 'people.wanted.order_required';
  }
  const reward = s('rewardAmount');
  if (reward !== undefined && !/^\d+(\.\d{1,2})?$/.test(reward)) problems.rewardAmount = 'people.wanted.reward_number';
  return {
    body: {
      personId,
      kind,
      court: s('court'),
      orderRef: s('orderRef'),
      orderDate: s('orderDate'),
      appearBy: s('appearBy'),
      rewardAmount: reward !== undefined && !problems.rewardAmount ? Number(reward) : undefined,
      description: s('description'),
    },
    problems,
  };
}

/**
 * Whether to offer a register entry's status change to this officer: the server lets only the
 * entering station's chain of command change it, so an officer posted at a station sees the form
 * on their own station's entries only; an officer above a station (SDPO, SP) sees it on all and
 * the server refuses those outside their area.
 */
export function offersStatusChange(user: { stationId: string | null }, entryStationId: string): boolean {
  return user.stationId === null || user.stationId === entryStationId;
}

/** The statuses an entry may be moved to from the one it has (every other one, 'active' last). */
export function nextWantedStatuses(status: string): string[] {
  return ['arrested', 'surrendered', 'withdrawn', 'active'].filter((s) => s !== status);
}
