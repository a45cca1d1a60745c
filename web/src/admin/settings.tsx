// Operator settings: SMS sender name, retention of personal data, case-file link template, login.
import type { Settings } from '../../../contract/admin/console.ts';
import { tr } from '../shared/i18n.ts';
import { call } from '../staff/api.ts';
import { STAFF } from '../staff/strings.ts';
import { Feedback, useAction, useResource } from '../staff/use-action.tsx';
import { Field, formValues } from './fields.tsx';
import { LoginSettings } from './login-settings.tsx';
import { A } from './strings.ts';

export function SettingsPage() {
  const s = tr(A);
  const resource = useResource<Settings | null>(
    () => call<{ settings: Settings }>('GET', '/api/admin/settings').then((r) => r.settings),
    null,
  );
  const settings = resource.data.value;
  const action = useAction();
  return (
    <>
      <h1 tabIndex={-1}>{s.settings}</h1>
      {settings && (
        <form
          class="stack"
          style="max-width:40rem"
          onSubmit={(e) => {
            const v = formValues(e);
            void action.run(async () => {
              const r = await call<{ settings: Settings }>('PUT', '/api/admin/settings', {
                smsSenderName: v.smsSenderName,
                retentionDays: Number(v.retentionDays),
                caseFileUrlTemplate: v.caseFileUrlTemplate,
              });
              resource.data.value = r.settings;
            });
          }}
        >
          <Field
            id="smsSenderName"
            label={s.smsSender}
            maxLength={11}
            required
            defaultValue={settings.smsSenderName}
          />
          <Field
            id="retentionDays"
            label={s.retention}
            type="number"
            min={1}
            max={3650}
            required
            defaultValue={String(settings.retentionDays)}
          />
          <Field
            id="caseFileUrlTemplate"
            label={s.caseFile}
            type="url"
            defaultValue={settings.caseFileUrlTemplate}
          />
          <div>
            <button type="submit" disabled={action.busy.value}>
              {tr(STAFF).save}
            </button>
          </div>
          <Feedback error={action.error.value} note={action.note.value} />
        </form>
      )}
      <LoginSettings />
    </>
  );
}
