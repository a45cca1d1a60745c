// Operator alerts above every console page: SMS held back by a daily budget, refreshed every minute.
import { useEffect, useState } from 'preact/hooks';
import type { SmsBudgetAlert as Alert } from '../../../contract/notifications.ts';
import { formatDate, formatTime, tr } from '../shared/i18n.ts';
import { call } from '../staff/api.ts';
import { A } from './strings.ts';

export function AlertBanner() {
  const s = tr(A).alerts;
  const [alerts, setAlerts] = useState<Alert[]>([]);
  useEffect(() => {
    const load = () =>
      call<{ alerts: Alert[] }>('GET', '/api/admin/alerts')
        .then((r) => setAlerts(r.alerts))
        .catch(() => {});
    load();
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, []);
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
