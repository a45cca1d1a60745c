// German and English strings of the operator console's LiveKit node page.
import type { Strings } from '../shared/i18n.ts';

export const N = {
  de: {
    title: 'Videoknoten (LiveKit)',
    summary: (inService: number, total: number, nodes: number, all: number) =>
      `${inService} von ${total} gleichzeitigen Sitzungen buchbar: ${nodes} von ${all} Knoten in Betrieb.`,
    none: 'Keine Knoten eingetragen: die Kapazität gilt wie auf der Seite „Kapazität“ eingegeben.',
    name: 'Name',
    url: 'Adresse (Signalisierung)',
    metricsUrl: 'Metrik-Adresse (Prometheus)',
    cores: 'Kerne',
    capacity: 'Sitzungen',
    state: 'Zustand',
    load: 'Last jetzt',
    loadText: (rooms: number, participants: number) => `${rooms} Räume, ${participants} Teilnehmende`,
    unknownLoad: 'keine Metrik',
    states: { in_service: 'in Betrieb', maintenance: 'Wartung', down: 'nicht erreichbar' } as Record<
      string,
      string
    >,
    until: (end: string) => `bis ${end}`,
    maintenanceEnd: 'Wartung bis',
    startMaintenance: 'In Wartung nehmen',
    endMaintenance: 'Wartung beenden',
    remove: 'Entfernen',
    add: 'Knoten eintragen',
    recommend: 'Empfehlung übernehmen',
    recommended: (cap: number, cores: number, perCore: number) =>
      `Empfohlen für ${cores} Kerne: ${cap} Sitzungen (gemessen ${perCore} je Kern, 70 % davon eingeplant).`,
    measured: 'Gemessen (npm run bench -- livekit)',
    profiles: { standard: 'Standard', saver: 'Datensparmodus', audio: 'Nur Ton' } as Record<string, string>,
    perCore: (perSession: number, perCore: number, drop: number | null) =>
      `${perSession} % eines Kerns je 1:1-Sitzung, ${perCore} Sitzungen je Kern${drop ? `; Qualität fiel bei ${drop} Sitzungen` : ''}`,
    flagged: (n: number) => `${n} Termine passen nicht mehr und stehen unter „Umbuchungen“.`,
    refresh: 'Aktualisieren',
  },
  en: {
    title: 'Video nodes (LiveKit)',
    summary: (inService: number, total: number, nodes: number, all: number) =>
      `${inService} of ${total} concurrent sessions bookable: ${nodes} of ${all} nodes in service.`,
    none: 'No nodes registered: the capacity entered on the Capacity page applies.',
    name: 'Name',
    url: 'Address (signalling)',
    metricsUrl: 'Metrics address (Prometheus)',
    cores: 'Cores',
    capacity: 'Sessions',
    state: 'State',
    load: 'Load now',
    loadText: (rooms: number, participants: number) => `${rooms} rooms, ${participants} participants`,
    unknownLoad: 'no metrics',
    states: { in_service: 'in service', maintenance: 'maintenance', down: 'unreachable' } as Record<
      string,
      string
    >,
    until: (end: string) => `until ${end}`,
    maintenanceEnd: 'Maintenance until',
    startMaintenance: 'Take out for maintenance',
    endMaintenance: 'End maintenance',
    remove: 'Remove',
    add: 'Register node',
    recommend: 'Use recommendation',
    recommended: (cap: number, cores: number, perCore: number) =>
      `Recommended for ${cores} cores: ${cap} sessions (measured ${perCore} per core, 70 % of that planned).`,
    measured: 'Measured (npm run bench -- livekit)',
    profiles: { standard: 'Standard', saver: 'Data saver', audio: 'Audio only' } as Record<string, string>,
    perCore: (perSession: number, perCore: number, drop: number | null) =>
      `${perSession} % of a core per 1:1 session, ${perCore} sessions per core${drop ? `; quality dropped at ${drop} sessions` : ''}`,
    flagged: (n: number) => `${n} appointments no longer fit and are listed under Rebooking.`,
    refresh: 'Refresh',
  },
} satisfies Strings<unknown>;
