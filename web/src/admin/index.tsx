// The operator console: capacity, rebooking, topics, counsellors, statistics, audit log, settings.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
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
import { CounsellorsPage } from './counsellors.tsx';
import { RebookingPage } from './rebooking.tsx';
import { ServicesPage } from './services.tsx';
import { SettingsPage } from './settings.tsx';
import { StatsPage } from './stats.tsx';
import { A } from './strings.ts';
import { SystemStatusBar } from './system-status.tsx';

type NodesPage = typeof import('./video-nodes.tsx').VideoNodesPage;

/** The video nodes page loads on its first visit: it is no part of the console's first render. */
function VideoNodesPage() {
  const [Page, setPage] = useState<NodesPage | null>(null);
  useEffect(() => void import('./video-nodes.tsx').then((m) => setPage(() => m.VideoNodesPage)), []);
  return Page ? <Page /> : null;
}

const PAGES = {
  '/admin': CapacityPage,
  '/admin/rebooking': RebookingPage,
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
