import type { AccessPlan, PlannedChange } from '../ports/access-network';

const SECRET_KEYS = /pass|secret|token/i;

const renderField = (name: string, value: string): string =>
  `${name}=${SECRET_KEYS.test(name) && value !== '' ? '***' : value}`;

function renderChange(change: PlannedChange): string {
  const sign = change.operation === 'create' ? '+' : change.operation === 'remove' ? '-' : '~';
  const who = change.subscriberId === null ? '(router)' : change.subscriberId;
  const fields = Object.keys(change.fields)
    .sort()
    .map((k) => renderField(k, change.fields[k] ?? ''))
    .join(' ');
  return `  ${sign} ${change.operation} ${change.target} ${change.key} [${who}]${fields === '' ? '' : ` ${fields}`} — ${change.reason}`;
}

/**
 * Renders a dry-run plan as readable text, one line per change. Field values whose name looks like a
 * secret (password, secret, token) are always shown as `***`, whatever the adapter put there.
 */
export function renderAccessPlan(plan: AccessPlan): string {
  const lines = [
    `Plan for router ${plan.routerId}: ${plan.changes.length} change(s), ${plan.unchanged.length} unchanged`,
  ];
  for (const change of plan.changes) lines.push(renderChange(change));
  if (plan.unchanged.length > 0) lines.push(`  = unchanged: ${plan.unchanged.join(', ')}`);
  if (plan.changes.length === 0) lines.push('  (nothing to do)');
  return lines.join('\n');
}
