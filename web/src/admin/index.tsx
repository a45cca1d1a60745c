// The operator console: capacity, rebooking, closing days, interpreters, topics, counsellors, statistics, audit log, settings.
import { render } from 'preact';
import { tr } from '../shared/i18n.ts';
import { path } from '../staff/router.ts';
import { loadSession, user } from '../staff/session.ts';
import { Shell } from '../staff/shell.tsx';
import { STAFF } from '../staff/strings.ts';
import { injectStaffStyles } from '../staff/styles.ts';
import { AlertBanner } from './alerts.tsx';
import { CapacityPage } from './capacity.tsx';
import { CounsellorsPage } from './counsellors.tsx';
import { lazyPage } from './lazy-page.tsx';
import { RebookingPage } from './rebooking.tsx';
import { SettingsPage } from './settings.tsx';
import { A } from './strings.ts';
import { SystemStatusBar } from './system-status.tsx';

// Pages visited now and then (closing days, interpreters and topics change a few times a year) load on
// their first visit; capacity, rebooking, counsellors and settings come with the first render.
const ClosingDaysPage = lazyPage(() => import('./closing-days.tsx').then((m) => m.ClosingDaysPage));
const InterpretersPage = lazyPage(() => import('./interpreters.tsx').then((m) => m.InterpretersPage));
const ServicesPage = lazyPage(() => import('./services.tsx').then((m) => m.ServicesPage));
const StatsPage = lazyPage(() => import('./stats.tsx').then((m) => m.StatsPage));
const AuditPage = lazyPage(() => import('./audit.tsx').then((m) => m.AuditPage));
const AccessibilityPage = lazyPage(() => import('./accessibility.tsx').then((m) => m.AccessibilityPage));
const VideoNodesPage = lazyPage(() => import('./video-nodes.tsx').then((m) => m.VideoNodesPage));

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
  '/admin/video-nodes': VideoNodesPage,
} as const;

function App() {
  const s = tr(A);
  const nav = [
    { href: '/admin', label: s.nav.capacity },
    { href: '/admin/video-nodes', label: s.nav.videoNodes },
    { href: '/admin/rebooking', label: s.nav.rebooking },
    { href: '/admin/closing-days', label: s.nav.closingDays },
    { href: '/admin/interpreters', label: s.nav.interpreters },
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
