// Operator alerts above every console page: SMS held back by a daily budget, refreshed every minute.
import type { SmsBudgetAlert as Alert } from '../../../contract/notifications.ts';
import { formatDate, formatTime, tr } from '../shared/i18n.ts';
import { call } from '../staff/api.ts';
import { useResource } from '../staff/use-action.tsx';
import { A } from './strings.ts';

export function AlertBanner() {
  const s = tr(A).alerts;
  // A failed refresh keeps the last alerts: the banner is a hint, the pages say their own errors.
  const resource = useResource(
    () => call<{ alerts: Alert[] }>('GET', '/api/admin/alerts').then((r) => r.alerts),
    [],
    60_000,
  );
  const alerts = resource.data.value;
  if (alerts.length === 0) return null;
  return (
    <div class="err" role="alert" data-testid="operator-alerts">
      {alerts.map((a) => {
        const at = new Date(a.resumesAt);
        return (
          <p key={a.code}>
            {a.code === 'sms_budget_total' ? s.smsTotal(a.held) : s.smsNumber(a.held)}{' '}
            {s.resumes(`${formatDate(at)} ${formatTime(at)}`)}
          </p>
        );
      })}
    </div>
  );
}
