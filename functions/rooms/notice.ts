// The recording notice shown at the start of every session, in every citizen language.
import type { Lang } from '../http/language.ts';

export interface RecordingNotice {
  title: string;
  text: string;
}

const NOTICES: Record<Lang, RecordingNotice> = {
  de: {
    title: 'Hinweis: Aufzeichnungen sind verboten',
    text:
      'Aufzeichnungen sind verboten und strafbar (§ 201 StGB). Das gilt für Bild und Ton, für Bildschirmfotos ' +
      'und für Aufnahmen mit einem zweiten Gerät. Wer das Gespräch aufzeichnet oder veröffentlicht, muss mit ' +
      'rechtlichen Folgen rechnen. Auch dieses System zeichnet nichts auf.',
  },
  en: {
    title: 'Notice: recording is prohibited',
    text:
      'Recording this conversation is prohibited and a criminal offence under German law (section 201 of the ' +
      'Criminal Code, StGB). This covers picture and sound, screenshots and recordings with a second device. ' +
      'Anyone who records or publishes the conversation must expect legal consequences. This system records nothing either.',
  },
  tr: {
    title: 'Uyarı: Kayıt yapmak yasaktır',
    text:
      'Görüşmeyi kaydetmek yasaktır ve Alman hukukuna göre suçtur (Alman Ceza Kanunu, StGB madde 201). Bu; görüntü ve ' +
      'ses, ekran görüntüleri ve ikinci bir cihazla yapılan kayıtlar için de geçerlidir. Görüşmeyi kaydeden veya ' +
      'yayımlayan kişi hukuki sonuçlarla karşılaşabilir. Bu sistem de hiçbir şey kaydetmez.',
  },
  ar: {
    title: 'تنبيه: التسجيل ممنوع',
    text:
      'تسجيل هذه المحادثة ممنوع ويُعدّ جريمة يعاقب عليها القانون الألماني (المادة 201 من قانون العقوبات الألماني StGB). ' +
      'ويشمل ذلك الصورة والصوت ولقطات الشاشة والتسجيل بجهاز آخر. من يسجّل المحادثة أو ينشرها يتعرّض لعواقب قانونية. ' +
      'وهذا النظام لا يسجّل شيئًا أيضًا.',
  },
  uk: {
    title: 'Увага: записувати заборонено',
    text:
      'Записувати цю розмову заборонено, за німецьким законом це кримінальне правопорушення (§ 201 Кримінального ' +
      'кодексу Німеччини, StGB). Це стосується зображення і звуку, знімків екрана та записів іншим пристроєм. Той, хто ' +
      'записує або оприлюднює розмову, має бути готовим до юридичних наслідків. Ця система також нічого не записує.',
  },
  ru: {
    title: 'Внимание: запись запрещена',
    text:
      'Записывать этот разговор запрещено, по немецкому закону это уголовное преступление (§ 201 Уголовного кодекса ' +
      'Германии, StGB). Это касается изображения и звука, снимков экрана и записи другим устройством. Тот, кто ' +
      'записывает или публикует разговор, должен быть готов к юридическим последствиям. Эта система тоже ничего не записывает.',
  },
};

export function recordingNotice(lang: Lang): RecordingNotice {
  return NOTICES[lang];
}
