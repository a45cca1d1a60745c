// Deterministic demo data (API.md): services (named in all six citizen languages), counsellors Mon-Fri 08:00-16:00, capacity 8, demo logins.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { hashPassword } from '../staff/password.ts';

export const DEMO_SERVICES = [
  {
    id: 'arbeitslosengeld',
    name_de: 'Arbeitslosengeld',
    name_en: 'Unemployment benefit',
    duration_minutes: 30,
    sort_order: 1,
    description_de: 'Fragen zu Antrag, Höhe und Dauer des Arbeitslosengeldes.',
    description_en: 'Questions about applying for unemployment benefit, its amount and duration.',
    translations: {
      tr: {
        name: 'İşsizlik parası (Arbeitslosengeld)',
        description: 'Başvuru, miktar ve süre hakkında sorular.',
      },
      ar: {
        name: 'إعانة البطالة (Arbeitslosengeld)',
        description: 'أسئلة حول طلب إعانة البطالة ومبلغها ومدتها.',
      },
      uk: {
        name: 'Допомога по безробіттю (Arbeitslosengeld)',
        description: 'Питання щодо заяви, розміру та тривалості допомоги по безробіттю.',
      },
      ru: {
        name: 'Пособие по безработице (Arbeitslosengeld)',
        description: 'Вопросы о заявлении, размере и сроке выплаты пособия по безработице.',
      },
    },
  },
  {
    id: 'berufsberatung',
    name_de: 'Berufsberatung',
    name_en: 'Career guidance',
    duration_minutes: 45,
    sort_order: 2,
    description_de: 'Orientierung bei Berufswahl und beruflicher Veränderung.',
    description_en: 'Guidance on choosing or changing careers.',
    translations: {
      tr: {
        name: 'Meslek danışmanlığı',
        description: 'Meslek seçimi ve meslek değişikliği konusunda yol gösterme.',
      },
      ar: { name: 'الإرشاد المهني', description: 'توجيه في اختيار المهنة أو تغييرها.' },
      uk: { name: 'Профорієнтація', description: 'Допомога з вибором або зміною професії.' },
      ru: { name: 'Профориентация', description: 'Помощь в выборе или смене профессии.' },
    },
  },
  {
    id: 'weiterbildung',
    name_de: 'Weiterbildung',
    name_en: 'Further training',
    duration_minutes: 30,
    sort_order: 3,
    description_de: 'Förderung und Wege der beruflichen Weiterbildung.',
    description_en: 'Funding and routes for further vocational training.',
    translations: {
      tr: { name: 'Mesleki ileri eğitim', description: 'Mesleki ileri eğitim için destek ve yollar.' },
      ar: { name: 'التدريب المهني المستمر', description: 'الدعم والطرق المتاحة للتدريب المهني المستمر.' },
      uk: { name: 'Підвищення кваліфікації', description: 'Фінансування та шляхи професійного навчання.' },
      ru: {
        name: 'Повышение квалификации',
        description: 'Финансирование и варианты профессионального обучения.',
      },
    },
  },
  {
    id: 'buergergeld',
    name_de: 'Bürgergeld',
    name_en: 'Citizen’s income',
    duration_minutes: 30,
    sort_order: 4,
    description_de: 'Fragen zum Bürgergeld und zum Weiterbewilligungsantrag.',
    description_en: 'Questions about citizen’s income and renewals.',
    translations: {
      tr: {
        name: 'Vatandaş parası (Bürgergeld)',
        description: 'Bürgergeld ve devam başvurusu hakkında sorular.',
      },
      ar: { name: 'إعانة المواطن (Bürgergeld)', description: 'أسئلة حول إعانة المواطن وطلب التمديد.' },
      uk: {
        name: 'Громадянська допомога (Bürgergeld)',
        description: 'Питання щодо Bürgergeld і заяви на продовження виплат.',
      },
      ru: {
        name: 'Гражданское пособие (Bürgergeld)',
        description: 'Вопросы о Bürgergeld и заявлении на продление выплат.',
      },
    },
  },
] as const;

export const DEMO_COUNSELLORS = 12;
export const DEMO_CAPACITY = 8;

export interface SeedOptions {
  password: string;
  /** PBKDF2 iterations; tests may lower it, production seeds keep the default. */
  iterations?: number;
  counsellors?: number;
}

/** Seeds only an empty database (no services yet); returns whether it seeded. */
export async function seedDemoData(db: Kysely<Database>, options: SeedOptions): Promise<boolean> {
  const existing = await db.selectFrom('services').select('id').limit(1).execute();
  if (existing.length > 0) return false;
  const count = options.counsellors ?? DEMO_COUNSELLORS;
  // One hash per distinct password keeps a demo seed fast; every production account gets its own salt.
  const hash = await hashPassword(options.password, options.iterations);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('services')
      .values(DEMO_SERVICES.map((s) => ({ ...s, translations: JSON.stringify(s.translations) })))
      .execute();
    // API.md promises 8 concurrent sessions for booking; the ad-hoc reserve starts at 0 for the operator to set.
    await trx
      .insertInto('capacity_settings')
      .values({ id: 1, max_concurrent_sessions: DEMO_CAPACITY, adhoc_reserve: 0 })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ max_concurrent_sessions: DEMO_CAPACITY, adhoc_reserve: 0 }),
      )
      .execute();
    const site = await trx
      .insertInto('sites')
      .values({ name: 'Agentur für Arbeit Musterstadt' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('staff_users')
      .values({
        email: 'admin@example.org',
        display_name: 'Betrieb (Admin)',
        password_hash: hash,
        role: 'operator',
      })
      .execute();
    for (let i = 1; i <= count; i++) {
      const user = await trx
        .insertInto('staff_users')
        .values({
          email: `berater${i}@example.org`,
          display_name: `Beraterin ${i}`,
          password_hash: hash,
          role: 'counsellor',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const counsellor = await trx
        .insertInto('counsellors')
        .values({ staff_user_id: user.id, site_id: site.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Everyone counsels on unemployment benefit; the other topics rotate so each has several experts.
      const skills = DEMO_SERVICES.filter((s, idx) => s.id === 'arbeitslosengeld' || (i + idx) % 2 === 0).map(
        (s) => s.id,
      );
      await trx
        .insertInto('counsellor_skills')
        .values(skills.map((service_id) => ({ counsellor_id: counsellor.id, service_id })))
        .execute();
      await trx
        .insertInto('working_hours')
        .values(
          [1, 2, 3, 4, 5].map((weekday) => ({
            counsellor_id: counsellor.id,
            weekday,
            start_time: '08:00',
            end_time: '16:00',
          })),
        )
        .execute();
    }
  });
  return true;
}
