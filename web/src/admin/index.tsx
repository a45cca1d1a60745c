// The operator console: capacity, rebooking, closing days, interpreters, topics, counsellors, statistics, audit log, settings.
import { render } from 'preact';
import { tr } from '../shared/i18n.ts';
import { path } from '../staff/router.ts';
import { loadSession, user } from '../staff/session.ts';
import { Shell } from '../staff/shell.tsx';
import { STAFF } from '../staff/strings.ts';
import { injectStaffStyles } from '../staff/styles.ts';
import { AccessibilityPage } from './accessibility.tsx';
import { AlertBanner } from './alerts.tsx';
import { AuditPage } from './audit.tsx';
import { CapacityPage } from './capacity.tsx';
import { ClosingDaysPage } from './closing-days.tsx';
import { CLOSING } from './closing-strings.ts';
import { CounsellorsPage } from './counsellors.tsx';
import { INTERPRETERS } from './interpreter-strings.ts';
import { InterpretersPage } from './interpreters.tsx';
import { RebookingPage } from './rebooking.tsx';
import { ServicesPage } from './services.tsx';
import { SettingsPage } from './settings.tsx';
import { StatsPage } from './stats.tsx';
import { A } from './strings.ts';
import { SystemStatusBar } from './system-status.tsx';

const PAGES = {
  '/admin': CapacityPage,
  '/admin/rebooking': RebookingPage,
  '/admin/closing-days': ClosingDaysPage,
  '/admin/interpreters': InterpretersPage,
  '/admin/services': ServicesPage,
  '/admin/counsellors': CounsellorsPage,
  '/admin/stats': StatsPage,
  '/admin/audit': AuditPage,
  '/admin/settings': SettingsPage,
  '/admin/accessibility': AccessibilityPage,
} as const;

function App() {
  const s = tr(A);
  const nav = [
    { href: '/admin', label: s.nav.capacity },
    { href: '/admin/rebooking', label: s.nav.rebooking },
    { href: '/admin/closing-days', label: tr(CLOSING).nav },
    { href: '/admin/interpreters', label: tr(INTERPRETERS).nav },
    { href: '/admin/services', label: s.nav.services },
    { href: '/admin/counsellors', label: s.nav.counsellors },
    { href: '/admin/stats', label: s.nav.stats },
    { href: '/admin/audit', label: s.nav.audit },
    { href: '/admin/settings', label: s.nav.settings },
    { href: '/admin/accessibility', label: s.nav.accessibility },
    ...(user.value?.counsellorId
      ? [{ href: '/counsellor', label: tr(STAFF).counsellorPage, external: true }]
      : []),
  ];
  const Page = PAGES[path.value as keyof typeof PAGES] ?? CapacityPage;
  return (
    <Shell title={s.title} nav={nav}>
      <AlertBanner />

      <SystemStatusBar />
      <Page />
    </Shell>
  );
}

injectStaffStyles();
void loadSession();
render(<App />, document.getElementById('app')!);
