// Counsellors: create (with a temporary password), activate/deactivate, skills, site, reset password; sites.
import { useSignal } from '@preact/signals';
import type { AdminService, Counsellor, Site } from '../../../contract/admin/console.ts';
import { tr } from '../shared/i18n.ts';
import { call } from '../staff/api.ts';
import { user } from '../staff/session.ts';
import { STAFF } from '../staff/strings.ts';
import { Feedback, useAction, useResource } from '../staff/use-action.tsx';
import { Field, formValues, localToIso } from './fields.tsx';
import { A } from './strings.ts';

type ServiceRef = Pick<AdminService, 'id' | 'nameDe' | 'nameEn'>;

export function CounsellorsPage() {
  const s = tr(A);
  const directory = useResource(
    async () => {
      const [c, si, se] = await Promise.all([
        call<{ counsellors: Counsellor[] }>('GET', '/api/admin/counsellors'),
        call<{ sites: Site[] }>('GET', '/api/admin/sites'),
        call<{ services: ServiceRef[] }>('GET', '/api/admin/services'),
      ]);
      return { list: c.counsellors, sites: si.sites, services: se.services };
    },
    { list: [] as Counsellor[], sites: [] as Site[], services: [] as ServiceRef[] },
  );
  const { list, sites, services } = directory.data.value;
  const load = directory.reload;
  const editing = useSignal<string | null>(null);
  const action = useAction();
  const skillBoxes = (prefix: string, checked: string[]) => (
    <fieldset>
      <legend>{s.skills}</legend>
      {services.map((x) => (
        <label key={x.id} class="radio">
          <input
            type="checkbox"
            name={`skill:${x.id}`}
            defaultChecked={checked.includes(x.id)}
            id={`${prefix}-${x.id}`}
          />{' '}
          {x.nameDe}
        </label>
      ))}
    </fieldset>
  );
  const siteSelect = (id: string, value: string | null) => (
    <div class="field">
      <label for={id}>{s.site}</label>
      <select id={id} name="siteId" defaultValue={value ?? ''}>
        <option value="">{s.noSite}</option>
        {sites.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
      </select>
    </div>
  );
  const skillsOf = (v: Record<string, string>) =>
    Object.keys(v)
      .filter((k) => k.startsWith('skill:'))
      .map((k) => k.slice(6));
  const create = (e: Event) => {
    const v = formValues(e);
    const form = e.currentTarget as HTMLFormElement;
    void action.run(async () => {
      const r = await call<{ temporaryPassword?: string }>('POST', '/api/admin/counsellors', {
        email: v.email,
        displayName: v.displayName,
        role: v.role,
        skills: skillsOf(v),
        siteId: v.siteId || null,
      });
      form.reset();
      await load();
      return r.temporaryPassword ? s.tempPassword(r.temporaryPassword) : undefined;
    });
  };
  const update = (c: Counsellor, body: Record<string, unknown>) =>
    action.run(async () => {
      const r = await call<{ flaggedForRebooking: number }>('PUT', `/api/admin/counsellors/${c.id}`, body);
      editing.value = null;
      await load();
      return r.flaggedForRebooking ? s.flagged(r.flaggedForRebooking) : undefined;
    });
  return (
    <>
      <h1 tabIndex={-1}>{s.counsellors}</h1>
      <Feedback error={action.error.value} note={action.note.value} />
      <table>
        <thead>
          <tr>
            <th scope="col">{s.displayName}</th>
            <th scope="col">{s.email}</th>
            <th scope="col">{s.skills}</th>
            <th scope="col">{s.site}</th>
            <th scope="col">{s.role}</th>
            <th scope="col">
              <span class="sr-only">{s.edit}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((c) => (
            <tr key={c.id}>
              <td>
                {c.displayName} {c.active ? '' : `(${s.inactive})`}
              </td>
              <td>{c.email}</td>
              <td>{c.skills.join(', ')}</td>
              <td>{c.siteName ?? '–'}</td>
              <td>
                {c.role === 'operator' ? s.roleOperator : s.roleCounsellor}
                {c.supervisor ? `, ${s.supervisor}` : ''}
              </td>
              <td>
                <div class="row">
                  <button type="button" class="small secondary" onClick={() => (editing.value = c.id)}>
                    {s.edit}
                  </button>
                  <button
                    type="button"
                    class="small secondary"
                    onClick={() => void update(c, { active: !c.active })}
                  >
                    {c.active ? s.deactivate : s.activate}
                  </button>
                  {user.value?.supervisor && user.value.id !== c.userId && (
                    <button
                      type="button"
                      class="small secondary"
                      onClick={() => void update(c, { supervisor: !c.supervisor })}
                    >
                      {c.supervisor ? s.revokeSupervisor : s.grantSupervisor}
                    </button>
                  )}
                  <button
                    type="button"
                    class="small secondary"
                    onClick={() =>
                      void action.run(async () => {
                        const r = await call<{ temporaryPassword: string }>(
                          'POST',
                          `/api/admin/counsellors/${c.id}/reset-password`,
                          {},
                        );
                        return s.tempPassword(r.temporaryPassword);
                      })
                    }
                  >
                    {s.resetPassword}
                  </button>
                </div>
                {editing.value === c.id && (
                  <AbsenceForm counsellor={c} onDone={(m) => (action.note.value = m)} />
                )}
                {editing.value === c.id && (
                  <form
                    class="stack card"
                    onSubmit={(e) => {
                      const v = formValues(e);
                      void update(c, {
                        displayName: v.displayName,
                        skills: skillsOf(v),
                        siteId: v.siteId || null,
                      });
                    }}
                  >
                    <Field id={`name-${c.id}`} label={s.displayName} defaultValue={c.displayName} required />
                    {skillBoxes(`e-${c.id}`, c.skills)}
                    {siteSelect(`site-${c.id}`, c.siteId)}
                    <div class="row">
                      <button type="submit">{tr(STAFF).save}</button>
                      <button type="button" class="secondary" onClick={() => (editing.value = null)}>
                        {tr(STAFF).cancel}
                      </button>
                    </div>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="grid2">
        <form class="card stack" onSubmit={create}>
          <h2>{s.newCounsellor}</h2>
          <Field id="displayName" label={s.displayName} required maxLength={200} />
          <Field id="email" label={s.email} type="email" required />
          <div class="field">
            <label for="role">{s.role}</label>
            <select id="role" name="role">
              <option value="counsellor">{s.roleCounsellor}</option>
              <option value="operator">{s.roleOperator}</option>
            </select>
          </div>
          {skillBoxes('new', [])}
          {siteSelect('new-site', null)}
          <div>
            <button type="submit" disabled={action.busy.value}>
              {s.create}
            </button>
          </div>
        </form>
        <form
          class="card stack"
          onSubmit={(e) => {
            const v = formValues(e);
            const form = e.currentTarget as HTMLFormElement;
            void action.run(async () => {
              await call('POST', '/api/admin/sites', { name: v.siteName });
              form.reset();
              await load();
            });
          }}
        >
          <h2>{s.site}</h2>
          <ul>
            {sites.map((x) => (
              <li key={x.id}>{x.name}</li>
            ))}
          </ul>
          <Field id="siteName" label={s.newSite} required maxLength={200} />
          <div>
            <button type="submit">{s.addSite}</button>
          </div>
        </form>
      </div>
    </>
  );
}

/** An absence entered by the operator (e.g. sick leave); clashing appointments are flagged for rebooking. */
function AbsenceForm({ counsellor, onDone }: { counsellor: Counsellor; onDone: (message: string) => void }) {
  const s = tr(A);
  const action = useAction();
  return (
    <form
      class="row end card"
      onSubmit={(e) => {
        const v = formValues(e);
        void action.run(async () => {
          const r = await call<{ flaggedBookings: number }>(
            'POST',
            `/api/admin/counsellors/${counsellor.id}/absences`,
            {
              start: localToIso(v.absStart!),
              end: localToIso(v.absEnd!),
              reason: v.absReason ?? '',
            },
          );
          const message = s.flagged(r.flaggedBookings);
          onDone(message);
          return message;
        });
      }}
    >
      <h3 class="sr-only">{s.absence}</h3>
      <Field id="absStart" label={`${s.absence}: ${s.mwStart}`} type="datetime-local" required />
      <Field id="absEnd" label={s.mwEnd} type="datetime-local" required />
      <Field id="absReason" label={s.absenceReason} maxLength={500} />
      <button type="submit" disabled={action.busy.value}>
        {s.addAbsence}
      </button>
      <Feedback error={action.error.value} note={action.note.value} />
    </form>
  );
}
