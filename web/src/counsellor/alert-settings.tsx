// The agenda's controls for the waiting-room alerts: chime on or off, desktop notifications allowed or how to allow.
import { tr } from '../shared/i18n.ts';
import { C } from './strings.ts';
import { askPermission, permission, setSound, soundOn } from './waiting-alert.ts';

export function AlertSettings() {
  const s = tr(C);
  const p = permission.value;
  return (
    <div class="row alerts">
      <label>
        <input type="checkbox" checked={soundOn.value} onChange={(e) => setSound(e.currentTarget.checked)} />{' '}
        {s.alertSound}
      </label>
      {p === 'default' ? (
        <button type="button" class="small" onClick={() => void askPermission()}>
          {s.alertAllow}
        </button>
      ) : (
        <small class="muted">
          {p === 'granted' ? s.alertOn : p === 'denied' ? s.alertDenied : s.alertUnsupported}
        </small>
      )}
    </div>
  );
}
